package dev.tandem.signals.language.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * language and rules can require an agent who speaks it. Word lists are {@code language/<code>.txt}.
 */
@Component(service = SignalDetector.class, configurationPid = "dev.tandem.signals.language")
@Designate(ocd = LanguageConfig.class)
public class LanguageSignalDetector implements SignalDetector {
    static final String NAME = "language";

    private final LanguageProfiles profiles;
    private final double minConfidence;
    private final boolean always;

    @Activate
    public LanguageSignalDetector(LanguageConfig config) {
        Map<String, Set<String>> words = new HashMap<>();
        for (String language : config.wordLists()) {
            words.put(language, readWords("/language/" + language + ".txt"));
        }
        profiles = new LanguageProfiles(words);
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
        StringBuilder customerText = new StringBuilder();
        for (Message message : interaction.getMessages()) {
            if (message.fromCustomer()) {
                customerText.append(message.text()).append('\n');
            }
        }
        LanguageGuess guess = profiles.guess(customerText.toString());
        if (guess == null || guess.confidence() < minConfidence) {
            return List.of();
        }
        return List.of(new Signal(NAME, guess.confidence(), guess.language(), NAME));
    }

    private static Set<String> readWords(String resource) {
        try (InputStream in = LanguageSignalDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no word list " + resource + " in the bundle");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int hash = line.indexOf('#');
                for (String word : (hash < 0 ? line : line.substring(0, hash)).strip().split("\\s+")) {
                    if (!word.isEmpty()) {
                        words.add(word);
                    }
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
