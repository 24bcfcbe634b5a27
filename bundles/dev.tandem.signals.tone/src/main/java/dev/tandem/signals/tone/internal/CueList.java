package dev.tandem.signals.tone.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tone cues read from cue files: UTF-8, {@code #} starts a comment, one cue per line as
 * {@code category [score]: phrase}, e.g. {@code tone.anger 0.8: ridiculous}. Immutable once read.
 */
final class CueList {
    private final List<Cue> cues;
    private final CueIndex index;

    private CueList(List<Cue> cues) {
        this.cues = List.copyOf(cues);
        this.index = new CueIndex(this.cues);
    }

    static CueList read(Map<String, BufferedReader> sources, double defaultScore) throws IOException {
        List<Cue> cues = new ArrayList<>();
        for (Map.Entry<String, BufferedReader> source : sources.entrySet()) {
            int lineNumber = 0;
            for (String line = source.getValue().readLine(); line != null; line = source.getValue().readLine()) {
                lineNumber++;
                try {
                    addLine(cues, line, defaultScore);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(source.getKey() + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        }
        return new CueList(cues);
    }

    int size() {
        return cues.size();
    }

    List<Cue> cues() {
        return cues;
    }

    /** The best score per category among the cues in the text. */
    Map<String, Double> scores(String text) {
        Map<String, Double> scores = new TreeMap<>();
        index.forEachMatch(CueText.of(text), cue -> scores.merge(cue.category(), cue.score(), Math::max));
        return scores;
    }

    private static void addLine(List<Cue> cues, String line, double defaultScore) {
        int hash = line.indexOf('#');
        String content = (hash < 0 ? line : line.substring(0, hash)).strip();
        if (content.isEmpty()) {
            return;
        }
        int colon = content.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected 'category [score]: phrase'");
        }
        String[] key = content.substring(0, colon).strip().split("\\s+");
        double score = key.length > 1 ? Double.parseDouble(key[1]) : defaultScore;
        if (!(score > 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in (0,1]: " + score);
        }
        cues.add(Cue.of(key[0], score, content.substring(colon + 1).strip()));
    }
}
