package dev.tandem.signals.language.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * Reports a {@code language} signal (label = language code, value = confidence) from what the customer
 * wrote, when the interaction does not state its language: the engine then uses it as the decision's
 * language and rules can require an agent who speaks it. Han script settles Chinese; Latin-script text
 * goes to Apache OpenNLP's language model (embedded, loaded once at activation), restricted to the
 * configured languages; text too short to tell gives no signal rather than a wrong one.
 */
@Component(service = SignalDetector.class, configurationPid = "dev.tandem.signals.language")
@Designate(ocd = LanguageConfig.class)
public class LanguageSignalDetector implements SignalDetector {
    static final String NAME = "language";
    static final String CHINESE = "zh";
    private static final String MODEL = "/langdetect-183.bin";

    private final boolean chinese;
    private final CharGramModel model;
    private final int minLetters;
    private final double minConfidence;
    private final boolean always;

    @Activate
    public LanguageSignalDetector(LanguageConfig config) {
        List<CharGramModel.Candidate> candidates = candidates(config.languages());
        chinese = candidates.stream().anyMatch(candidate -> candidate.reportedAs().equals(CHINESE));
        model = loadModel(candidates.stream().filter(candidate -> !candidate.language().equals(CHINESE)).toList(),
                config.sharpness());
        minLetters = config.minLetters();
        minConfidence = config.minConfidence();
        always = config.always();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Signal> detect(Interaction interaction) {
        if (interaction.getLanguage() != null && !always) {
            return List.of();
        }
        String customerText = customerText(interaction);
        LanguageGuess guess = guess(customerText);
        if (guess == null || guess.confidence() < minConfidence) {
            return List.of();
        }
        return List.of(new Signal(NAME, guess.confidence(), guess.language(), NAME));
    }

    /** The likely language, or null when the text is too short to tell. */
    LanguageGuess guess(String text) {
        ScriptCount script = ScriptCount.of(text);
        if (script.mostlyHan() && chinese) {
            return new LanguageGuess(CHINESE, script.hanConfidence());
        }
        if (script.letters() < minLetters) {
            return null;
        }
        return model.guess(text);
    }

    private static String customerText(Interaction interaction) {
        StringBuilder text = new StringBuilder();
        for (Message message : interaction.getMessages()) {
            if (message.fromCustomer()) {
                text.append(message.text()).append('\n');
            }
        }
        return text.toString();
    }

    /** "en" is a served language, "ms=id" a confusable one reported as the served one. */
    private static List<CharGramModel.Candidate> candidates(String[] languages) {
        List<CharGramModel.Candidate> candidates = new ArrayList<>();
        for (String language : languages) {
            String[] codes = language.strip().split("\\s*=\\s*");
            if (codes.length > 2 || codes[0].isEmpty()) {
                throw new IllegalArgumentException("language '" + language + "' is neither a code nor code=served");
            }
            candidates.add(new CharGramModel.Candidate(codes[0], codes[codes.length - 1]));
        }
        return candidates;
    }

    private static CharGramModel loadModel(List<CharGramModel.Candidate> candidates, double sharpness) {
        try (InputStream in = LanguageSignalDetector.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("no language model " + MODEL + " in the bundle");
            }
            return CharGramModel.load(in, candidates, sharpness);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language model " + MODEL, e);
        }
    }
}
