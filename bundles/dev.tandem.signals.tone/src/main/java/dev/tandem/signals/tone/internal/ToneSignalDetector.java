package dev.tandem.signals.tone.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import dev.tandem.api.Interaction;
import dev.tandem.api.Signal;
import dev.tandem.api.SignalDetector;

/**
 * Reports the tone of the customer's latest message: {@code tone.anger}, {@code tone.profanity},
 * {@code tone.sarcasm} and {@code tone.distress}, from the cue files {@code tone/<language>.txt}
 * (en, zh, id; format in {@link CueList}) plus any extra files configured, so that a team extends the
 * words without a build. Shouting (mostly capitals, many exclamation marks) counts as anger too.
 */
@Component(service = SignalDetector.class, configurationPid = "dev.tandem.signals.tone")
@Designate(ocd = ToneConfig.class)
public class ToneSignalDetector implements SignalDetector {
    static final String NAME = "tone";
    static final String ANGER = "tone.anger";

    private final CueList cues;
    private final int exclamationMarks;
    private final double shoutingScore;

    @Activate
    public ToneSignalDetector(ToneConfig config) {
        cues = load(config);
        exclamationMarks = Math.max(1, config.exclamationMarks());
        shoutingScore = config.shoutingScore();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Signal> detect(Interaction interaction) {
        String text = interaction.getLastCustomerText();
        if (text.isBlank()) {
            return List.of();
        }
        Map<String, Double> scores = cues.scores(text);
        if (shouting(text)) {
            scores.merge(ANGER, shoutingScore, Math::max);
        }
        List<Signal> signals = new ArrayList<>(scores.size());
        scores.forEach((name, score) -> signals.add(Signal.score(name, score, NAME)));
        return signals;
    }

    int cueCount() {
        return cues.size();
    }

    private boolean shouting(String text) {
        int marks = 0;
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            marks += c == '!' || c == '\uFF01' ? 1 : 0;
            upper += Character.isUpperCase(c) ? 1 : 0;
            letters += Character.isLetter(c) ? 1 : 0;
        }
        return marks >= exclamationMarks || letters >= 12 && upper >= letters * 0.7;
    }

    private static CueList load(ToneConfig config) {
        Map<String, BufferedReader> sources = new LinkedHashMap<>();
        try {
            for (String language : config.languages()) {
                String resource = "/tone/" + language + ".txt";
                InputStream in = ToneSignalDetector.class.getResourceAsStream(resource);
                if (in == null) {
                    throw new IllegalArgumentException("no cue file " + resource + " in the bundle");
                }
                sources.put(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            }
            for (String file : config.extraCueFiles()) {
                sources.put(file, Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8));
            }
            return CueList.read(sources, config.cueScore());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sources.values().forEach(ToneSignalDetector::closeQuietly);
        }
    }

    private static void closeQuietly(BufferedReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // reading is over; nothing is lost
        }
    }
}
