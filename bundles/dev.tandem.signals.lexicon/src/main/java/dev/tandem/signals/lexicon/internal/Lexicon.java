package dev.tandem.signals.lexicon.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compiled phrase lists of one or more languages (see {@link LexiconSignalDetector} for the file format).
 * Immutable once loaded, so one instance serves all threads.
 */
final class Lexicon {
    /** Key of the signal phrases among the lists, which are otherwise keyed by their directive. */
    private static final String SIGNALS = "";
    private static final String NEGATION = "negation";
    private static final String NEGATION_AFTER = "negation.after";
    private static final String NEGATION_IGNORE = "negation.ignore";
    private static final String NEGATION_STOP = "negation.stop";
    private static final String NEGATION_WINDOW = "negation.window";

    private final Vocabulary vocabulary;
    private final PhraseSet signalPhrases;
    private final PhraseSet wholeMessages;
    private final PhraseSet negations;
    private final PhraseSet negationsAfter;
    private final PhraseSet negationIgnores;
    private final PhraseSet negationStops;
    private final int window;
    private final Map<String, Long> phraseCounts;

    private Lexicon(Builder builder) {
        vocabulary = builder.vocabulary.build();
        signalPhrases = phraseSet(builder, SIGNALS);
        wholeMessages = new PhraseSet(builder.wholeMessages, vocabulary);
        negations = phraseSet(builder, NEGATION);
        negationsAfter = phraseSet(builder, NEGATION_AFTER);
        negationIgnores = phraseSet(builder, NEGATION_IGNORE);
        negationStops = phraseSet(builder, NEGATION_STOP);
        window = builder.window;
        phraseCounts = Map.copyOf(builder.phraseCounts);
    }

    private PhraseSet phraseSet(Builder builder, String list) {
        return new PhraseSet(builder.lists.getOrDefault(list, List.of()), vocabulary);
    }

    /** Loads {@code lexicon/<language>.txt} of each language into one lexicon. */
    static Lexicon load(List<String> languages, double defaultScore) {
        Builder builder = new Builder(defaultScore);
        for (String language : languages) {
            String resource = "/lexicon/" + language + ".txt";
            try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no phrase file " + resource + " in the bundle");
                }
                builder.read(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
        return new Lexicon(builder);
    }

    /** The best score per signal name among the phrases of this text that no negation cancels. */
    Map<String, Double> scores(String text) {
        Tokens tokens = Tokens.of(text, vocabulary);
        Map<String, Double> scores = new TreeMap<>();
        if (tokens.size() > 0) {
            for (Phrase whole : wholeMessages.startingWith(tokens, 0)) {
                if (whole.matchesWhole(tokens)) {
                    scores.merge(whole.category(), whole.score(), Math::max);
                }
            }
        }
        List<Match> matches = signalPhrases.find(tokens);
        if (matches.isEmpty()) {
            return scores;
        }
        NegationScope negation = negationScope(tokens);
        for (Match match : matches) {
            if (!negation.cancels(match)) {
                scores.merge(match.phrase().category(), match.phrase().score(), Math::max);
            }
        }
        return scores;
    }

    /** How many phrasings the patterns of each signal name stand for (whole-message entries included). */
    Map<String, Long> phraseCounts() {
        return phraseCounts;
    }

    int negationCount() {
        return negations.size() + negationsAfter.size();
    }

    private NegationScope negationScope(Tokens tokens) {
        List<Match> ignored = negationIgnores.find(tokens);
        return new NegationScope(tokens, cues(negations, tokens, ignored), cues(negationsAfter, tokens, ignored),
                negationStops.find(tokens), window);
    }

    /** Cues inside an ignored phrase ("can not", "能不能", "bisa gak") are not negations. */
    private static List<Match> cues(PhraseSet cues, Tokens tokens, List<Match> ignored) {
        List<Match> found = new ArrayList<>(cues.find(tokens));
        found.removeIf(cue -> ignored.stream().anyMatch(cue::overlaps));
        return PhraseSet.nonOverlapping(found);
    }

    private static final class Builder {
        private final double defaultScore;
        private final Map<String, List<Phrase>> lists = new HashMap<>();
        private final List<Phrase> wholeMessages = new ArrayList<>();
        private final Vocabulary.Builder vocabulary = new Vocabulary.Builder();
        private final Map<String, Long> phraseCounts = new TreeMap<>();
        private int window;

        Builder(double defaultScore) {
            this.defaultScore = defaultScore;
        }

        void read(String source, BufferedReader reader) throws IOException {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                try {
                    readLine(stripComment(line));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(source + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        }

        private void readLine(String line) {
            if (line.isEmpty()) {
                return;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("expected 'name: phrase'");
            }
            String[] key = line.substring(0, colon).strip().split("\\s+");
            String value = line.substring(colon + 1).strip();
            switch (key[0]) {
                case NEGATION_WINDOW -> window = Math.max(window, Integer.parseInt(value));
                case NEGATION, NEGATION_AFTER, NEGATION_IGNORE, NEGATION_STOP -> addPattern(key[0], key[0], defaultScore, value);
                default -> addPattern(SIGNALS, key[0], key.length > 1 ? Double.parseDouble(key[1]) : defaultScore, value);
            }
        }

        private void addPattern(String list, String category, double score, String pattern) {
            if (!(score > 0 && score <= 1)) {
                throw new IllegalArgumentException("score must be in (0,1]: " + score);
            }
            boolean wholeMessage = pattern.startsWith("=");
            if (wholeMessage && !list.equals(SIGNALS)) {
                throw new IllegalArgumentException("whole-message phrases are for signals only: " + pattern);
            }
            Phrase phrase = Phrase.of(category, score, PhrasePattern.compile(wholeMessage ? pattern.substring(1) : pattern), vocabulary);
            if (wholeMessage) {
                wholeMessages.add(phrase);
            } else {
                lists.computeIfAbsent(list, name -> new ArrayList<>()).add(phrase);
            }
            if (list.equals(SIGNALS)) {
                phraseCounts.merge(category, phrase.variantCount(), Long::sum);
            }
        }

        private static String stripComment(String line) {
            int hash = line.indexOf('#');
            return (hash < 0 ? line : line.substring(0, hash)).strip();
        }
    }
}
