package dev.tandem.signals.conversation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.tandem.api.Interaction;
import dev.tandem.api.Message;
import dev.tandem.api.Signal;

class ConversationSignalDetectorTest {
    private final ConversationSignalDetector detector = new ConversationSignalDetector(new ConversationConfig() {
        public Class<? extends Annotation> annotationType() { return ConversationConfig.class; }
        public String failedAttemptsAttribute() { return "failedAttempts"; }
        public int tooManyFailedAttempts() { return 3; }
        public String waitingAttribute() { return "waitingSeconds"; }
        public int longWaitSeconds() { return 300; }
        public double repeatSimilarity() { return 0.6; }
    });

    private Map<String, Double> signals(List<Message> messages, Map<String, Object> attributes) {
        Map<String, Double> found = new TreeMap<>();
        for (Signal signal : detector.detect(new Interaction("c", "chat", "en", null, messages, Double.NaN, attributes))) {
            found.put(signal.getName(), signal.getValue());
        }
        return found;
    }

    @Test
    void failedAttemptsCountTowardsTheLimit() {
        List<Message> hello = List.of(new Message("customer", "hello"));
        assertEquals(Map.of("conversation.failedAttempts", 2.0 / 3), signals(hello, Map.of("failedAttempts", 2)));
        assertEquals(Map.of("conversation.failedAttempts", 1.0), signals(hello, Map.of("failedAttempts", 7)));
    }

    @Test
    void waitingCountsTowardsALongWait() {
        List<Message> hello = List.of(new Message("customer", "hello?"));
        assertEquals(Map.of("conversation.waiting", 0.5), signals(hello, Map.of("waitingSeconds", 150)));
        assertEquals(Map.of("conversation.waiting", 1.0), signals(hello, Map.of("waitingSeconds", 900)));
    }

    @Test
    void aCustomerSayingTheSameAgainIsRepeatingThemselves() {
        List<Message> messages = List.of(new Message("customer", "Where is my refund?"),
                new Message("assistant", "Refunds take five days."),
                new Message("customer", "where is my refund"));
        assertEquals(Map.of("conversation.repeated", 1.0), signals(messages, Map.of()));
    }

    @Test
    void repetitionWorksInChineseToo() {
        List<Message> messages = List.of(new Message("customer", "我的退款在哪里"), new Message("customer", "我的退款到底在哪里"));
        assertFalse(signals(messages, Map.of()).isEmpty());
    }

    @Test
    void aNewQuestionIsNoRepetition() {
        List<Message> messages = List.of(new Message("customer", "Where is my refund?"),
                new Message("customer", "How do I change my address"));
        assertEquals(Map.of(), signals(messages, Map.of()));
    }
}
