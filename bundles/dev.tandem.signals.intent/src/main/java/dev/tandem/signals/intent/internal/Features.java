package dev.tandem.signals.intent.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the classifier sees of a text: words, word pairs and character n-grams of each word, so that
 * typos and inflections ("refnd", "refunded") still share features with the training examples.
 * Han characters count as words of their own. Training and detection must use the same features:
 * {@link #VERSION} is written into each model bundle and checked when it is loaded.
 */
public final class Features {
    public static final int VERSION = 1;
    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 4;

    private Features() {
    }

    public static String[] of(String text) {
        List<String> words = words(text);
        List<String> features = new ArrayList<>(words.size() * 8);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            features.add("w=" + word);
            if (i > 0) {
                features.add("b=" + words.get(i - 1) + "_" + word);
            }
            addCharGrams(word, features);
        }
        return features.toArray(String[]::new);
    }

    static List<String> words(String text) {
        String normalised = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normalised.length(); ) {
            int c = normalised.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\'' || c == '\u2019') {
                continue;
            }
            boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (Character.isLetterOrDigit(c) && !han) {
                word.appendCodePoint(Character.isDigit(c) ? '0' : c);
                continue;
            }
            flush(word, words);
            if (han) {
                words.add(Character.toString(c));
            }
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static void addCharGrams(String word, List<String> features) {
        String padded = "<" + word + ">";
        if (padded.length() <= MIN_GRAM) {
            return;
        }
        for (int n = MIN_GRAM; n <= MAX_GRAM && n < padded.length(); n++) {
            for (int start = 0; start + n <= padded.length(); start++) {
                features.add("c=" + padded.substring(start, start + n));
            }
        }
    }
}
