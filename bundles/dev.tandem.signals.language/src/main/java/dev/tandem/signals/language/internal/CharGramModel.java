package dev.tandem.signals.language.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * Apache OpenNLP's language detection model (character 1- to 3-grams, maxent) restricted to the languages
 * Tandem serves. OpenNLP scores all 103 languages of the model and builds a string per n-gram, about 60 µs
 * for a short message; this copies the candidates' weights into a table keyed by the n-gram's characters
 * at load time, so a message costs one pass over its characters.
 */
final class CharGramModel {
    private static final int MAX_GRAM = 3;
    /** N-grams looked up together: those of about 60 characters, most messages in one go. */
    private static final int BLOCK = 192;
    private static final long EMPTY = 0;

    private final List<String> languages;
    private final List<String> reportedAs;
    private final double sharpness;
    private final long[] keys;
    private final float[] weights;
    private final int mask;

    private CharGramModel(List<Candidate> candidates, double sharpness, long[] keys, float[] weights) {
        this.languages = candidates.stream().map(Candidate::language).toList();
        this.reportedAs = candidates.stream().map(Candidate::reportedAs).toList();
        this.sharpness = sharpness;
        this.keys = keys;
        this.weights = weights;
        this.mask = keys.length - 1;
    }

    /** A language the model chooses among (ISO 639-1) and the language reported when it wins. */
    record Candidate(String language, String reportedAs) {
    }

    /**
     * Reads an OpenNLP language detector model and keeps the candidates' languages; fails when the model does
     * not know one of them. Scores are multiplied by the sharpness before they become probabilities.
     */
    static CharGramModel load(InputStream model, List<Candidate> candidates, double sharpness) throws IOException {
        List<String> languages = candidates.stream().map(Candidate::language).toList();
        AbstractModel maxent = (AbstractModel) new LanguageDetectorModel(model).getMaxentModel();
        Object[] data = maxent.getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> features = (Map<String, Context>) data[1];
        int[] outcomes = outcomeIndexes(Arrays.asList((String[]) data[2]), languages);
        List<Map.Entry<String, Context>> kept = new ArrayList<>();
        for (Map.Entry<String, Context> feature : features.entrySet()) {
            if (feature.getKey().length() <= MAX_GRAM && weighsAny(feature.getValue(), outcomes)) {
                kept.add(feature);
            }
        }
        int capacity = Integer.highestOneBit(Math.max(kept.size(), 1) * 2) * 2;
        CharGramModel table = new CharGramModel(candidates, sharpness, new long[capacity],
                new float[capacity * languages.size()]);
        for (Map.Entry<String, Context> feature : kept) {
            table.put(key(feature.getKey()), feature.getValue(), outcomes);
        }
        return table;
    }

    /**
     * The likeliest reported language of Latin-script text and its probability among the candidates (summed
     * over the candidates reported as that language).
     */
    LanguageGuess guess(CharSequence text) {
        double[] scores = new double[languages.size()];
        long[] grams = new long[Math.min(BLOCK, Math.max(1, text.length() * MAX_GRAM))];
        int[] slots = new int[grams.length];
        int count = 0;
        long window = 0;
        int length = 0;
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = normalised(text.charAt(i));
            if (c == ' ' && previous == ' ') {
                continue;
            }
            previous = c;
            window = (window << 16 | c) & 0xFFFF_FFFF_FFFFL;
            length = Math.min(length + 1, MAX_GRAM);
            for (int n = 1; n <= length; n++) {
                if (count == grams.length) {
                    add(grams, slots, count, scores);
                    count = 0;
                }
                grams[count++] = (long) n << 48 | window & ((1L << 16 * n) - 1);
            }
        }
        add(grams, slots, count, scores);
        return best(scores);
    }

    /**
     * Adds the weights of a block of n-grams, in order. All are looked up before any is added, so that the
     * look-ups do not wait for each other: the table is usually out of the cache when a message comes.
     */
    private void add(long[] grams, int[] slots, int count, double[] scores) {
        for (int i = 0; i < count; i++) {
            slots[i] = slotOf(grams[i]);
        }
        for (int i = 0; i < count; i++) {
            if (slots[i] >= 0) {
                int row = slots[i] * scores.length;
                for (int k = 0; k < scores.length; k++) {
                    scores[k] += weights[row + k];
                }
            }
        }
    }

    /** Lower case; digits and white space count as one space, as OpenNLP normalises before counting n-grams. */
    private static char normalised(char c) {
        return Character.isWhitespace(c) || Character.isDigit(c) ? ' ' : Character.toLowerCase(c);
    }

    private int slotOf(long key) {
        for (int slot = slot(key); keys[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return slot;
            }
        }
        return -1;
    }

    private LanguageGuess best(double[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            best = scores[k] > scores[best] ? k : best;
        }
        double sum = 0;
        double reported = 0;
        for (int k = 0; k < scores.length; k++) {
            double odds = Math.exp((scores[k] - scores[best]) * sharpness);
            sum += odds;
            reported += reportedAs.get(k).equals(reportedAs.get(best)) ? odds : 0;
        }
        return new LanguageGuess(reportedAs.get(best), reported / sum);
    }

    private void put(long key, Context context, int[] outcomes) {
        int slot = slot(key);
        while (keys[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        int[] featureOutcomes = context.getOutcomes();
        double[] parameters = context.getParameters();
        for (int j = 0; j < featureOutcomes.length; j++) {
            for (int k = 0; k < outcomes.length; k++) {
                if (featureOutcomes[j] == outcomes[k]) {
                    weights[slot * outcomes.length + k] = (float) parameters[j];
                }
            }
        }
    }

    private int slot(long key) {
        long mixed = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (mixed >>> 40) & mask;
    }

    /** The n-gram's characters, 16 bits each, and its length above them: distinct for every n-gram up to 3. */
    private static long key(String gram) {
        long key = 0;
        for (int i = 0; i < gram.length(); i++) {
            key = key << 16 | gram.charAt(i);
        }
        return (long) gram.length() << 48 | key;
    }

    private static boolean weighsAny(Context context, int[] outcomes) {
        for (int outcome : context.getOutcomes()) {
            for (int candidate : outcomes) {
                if (outcome == candidate) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int[] outcomeIndexes(List<String> modelLanguages, List<String> languages) {
        int[] indexes = new int[languages.size()];
        for (int k = 0; k < indexes.length; k++) {
            indexes[k] = modelLanguages.indexOf(modelCode(languages.get(k)));
            if (indexes[k] < 0) {
                throw new IllegalArgumentException("the language model does not know " + languages.get(k)
                        + "; it knows (ISO 639-3) " + modelLanguages);
            }
        }
        return indexes;
    }

    /** The model names languages in ISO 639-3, and Chinese as Mandarin. */
    private static String modelCode(String language) {
        try {
            return language.equals("zh") ? "cmn" : Locale.of(language).getISO3Language();
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("the language model does not know " + language
                    + "; languages are ISO 639-1 codes such as en, id, ms", e);
        }
    }
}
