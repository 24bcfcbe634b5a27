package dev.tandem.signals.conversation.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import dev.tandem.api.Interaction;
import dev.tandem.api.Message;
import dev.tandem.api.Signal;
import dev.tandem.api.SignalDetector;

/**
 * Signals about the course of the conversation: {@code conversation.failedAttempts} (the assistant's failed
 * attempts, 1 at the configured limit), {@code conversation.repeated} (the customer says again what they said
 * before) and {@code conversation.waiting} (1 at the configured long wait). Scores below 0 are not reported.
 */
@Component(service = SignalDetector.class, configurationPid = "dev.tandem.signals.conversation")
@Designate(ocd = ConversationConfig.class)
public class ConversationSignalDetector implements SignalDetector {
    static final String NAME = "conversation";
    static final String FAILED_ATTEMPTS = "conversation.failedAttempts";
    static final String REPEATED = "conversation.repeated";
    static final String WAITING = "conversation.waiting";

    /** Copied from the configuration once: each read of a DS configuration goes through a proxy. */
    private final String failedAttemptsAttribute;
    private final int tooManyFailedAttempts;
    private final String waitingAttribute;
    private final int longWaitSeconds;
    private final double repeatSimilarity;

    @Activate
    public ConversationSignalDetector(ConversationConfig config) {
        failedAttemptsAttribute = config.failedAttemptsAttribute();
        tooManyFailedAttempts = Math.max(1, config.tooManyFailedAttempts());
        waitingAttribute = config.waitingAttribute();
        longWaitSeconds = Math.max(1, config.longWaitSeconds());
        repeatSimilarity = config.repeatSimilarity();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Signal> detect(Interaction interaction) {
        List<Signal> signals = new ArrayList<>(3);
        addIfPositive(signals, FAILED_ATTEMPTS, interaction.number(failedAttemptsAttribute) / tooManyFailedAttempts);
        addIfPositive(signals, WAITING, interaction.number(waitingAttribute) / longWaitSeconds);
        double repetition = Repetition.of(customerTexts(interaction));
        if (repetition >= repeatSimilarity) {
            signals.add(Signal.score(REPEATED, repetition, NAME));
        }
        return signals;
    }

    private static void addIfPositive(List<Signal> signals, String name, double share) {
        if (share > 0) {
            signals.add(Signal.score(name, Math.min(1.0, share), NAME));
        }
    }

    private static List<String> customerTexts(Interaction interaction) {
        List<String> texts = new ArrayList<>();
        for (Message message : interaction.getMessages()) {
            if (message.fromCustomer() && message.text() != null && !message.text().isBlank()) {
                texts.add(message.text());
            }
        }
        return texts;
    }
}
