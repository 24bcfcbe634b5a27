package dev.tandem.signals.lexicon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tandem.api.Interaction;
import dev.tandem.api.Signal;

class LexiconSignalDetectorTest {
    private final LexiconSignalDetector detector = Fixtures.detector();

    @Test
    void isNamedLexiconAndSignsItsSignals() {
        List<Signal> signals = detector.detect(Fixtures.conversation("en", "my card was stolen, get me a real person"));

        assertEquals("lexicon", detector.name());
        assertEquals(Set.of("humanRequest", "topic.fraud"), Fixtures.names(signals));
        for (Signal signal : signals) {
            assertEquals("lexicon", signal.getDetector());
            assertTrue(signal.getValue() > 0 && signal.getValue() <= 1, signal.toString());
        }
    }

    @Test
    void earlierCustomerMessagesCountWithALowerScore() {
        Interaction interaction = Fixtures.conversation("en", "I want to speak to an agent", "Sure, what is it about?", "my balance");

        Signal signal = detector.detect(interaction).get(0);

        assertEquals("humanRequest", signal.getName());
        assertEquals(0.95 * 0.8, signal.getValue(), 1e-9);
    }

    @Test
    void onlyTheConfiguredNumberOfEarlierMessagesCount() {
        Interaction interaction = Fixtures.conversation("en", "I want to speak to an agent", "ok", "hi", "ok", "hello", "ok", "thanks");

        assertEquals(List.of(), detector.detect(interaction));
    }

    @Test
    void theAssistantsWordsNeverCount() {
        Interaction interaction = Fixtures.conversation("en", "what is my balance", "I can connect you to a human agent if you like");

        assertEquals(List.of(), detector.detect(interaction));
    }

    @Test
    void noCustomerMessageGivesNoSignal() {
        assertEquals(List.of(), detector.detect(Fixtures.conversation("en")));
    }

    @Test
    void languageTagsPickTheirList() {
        String indonesian = "cs dong";

        assertEquals(Set.of(), Fixtures.names(detector.detect(Fixtures.conversation("en-GB", indonesian))));
        assertEquals(Set.of("humanRequest"), Fixtures.names(detector.detect(Fixtures.conversation("id-ID", indonesian))));
        assertEquals(Set.of("humanRequest"), Fixtures.names(detector.detect(Fixtures.conversation("in", indonesian))));
        assertEquals(Set.of("humanRequest"), Fixtures.names(detector.detect(Fixtures.conversation("fr", indonesian))));
        assertEquals(Set.of("humanRequest"), Fixtures.names(detector.detect(Fixtures.conversation("zh-Hans-CN", "转人工"))));
    }

    @Test
    void signalsBelowTheMinimumScoreAreDropped() {
        LexiconSignalDetector strict = new LexiconSignalDetector(Fixtures.config(Map.of("minScore", 0.99)));

        assertEquals(List.of(), strict.detect(Fixtures.conversation("en", "I want to talk to a human")));
    }

    @Test
    void theConfiguredPhraseScoreIsUsed() {
        LexiconSignalDetector custom = new LexiconSignalDetector(Fixtures.config(Map.of("phraseScore", 0.9)));

        assertEquals(0.9, custom.detect(Fixtures.conversation("en", "I want to talk to a human")).get(0).getValue(), 1e-9);
    }

    /** A loose guard against per-call compilation or file reading, not a benchmark: about 5 µs are normal. */
    @Test
    void detectionIsFast() {
        List<Interaction> interactions = List.of(
                Fixtures.conversation("en", "Hi, I was charged twice for my subscription last month and I don't need an agent, just fix it"),
                Fixtures.conversation("zh", "你好，我的信用卡上个月被重复扣款了，不用转人工，帮我查一下"),
                Fixtures.conversation("id", "halo kak, saldo saya terpotong dua kali tapi transfer gagal, gak usah sambungkan ke cs"),
                Fixtures.conversation(null, "what is my balance"));
        int rounds = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            detector.detect(interactions.get(i % interactions.size()));
        }
        double microsPerMessage = (System.nanoTime() - start) / 1e3 / rounds;
        assertTrue(microsPerMessage < 200, microsPerMessage + " µs per message");
    }
}
