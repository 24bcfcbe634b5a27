package dev.tandem.signals.conversation.internal;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How much the customer's latest message repeats an earlier one: the largest word overlap (Jaccard) with an
 * earlier customer message. Chinese is compared by characters, which act as its words here.
 */
final class Repetition {
    private Repetition() {
    }

    static double of(List<String> customerTextsOldestFirst) {
        if (customerTextsOldestFirst.size() < 2) {
            return 0;
        }
        Set<String> latest = words(customerTextsOldestFirst.get(customerTextsOldestFirst.size() - 1));
        double best = 0;
        for (int i = 0; i < customerTextsOldestFirst.size() - 1; i++) {
            best = Math.max(best, jaccard(latest, words(customerTextsOldestFirst.get(i))));
        }
        return best;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String word : a) {
            common += b.contains(word) ? 1 : 0;
        }
        return (double) common / (a.size() + b.size() - common);
    }

    static Set<String> words(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace("'", "");
        Set<String> words = new HashSet<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normalised.length(); ) {
            int c = normalised.codePointAt(i);
            i += Character.charCount(c);
            boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (Character.isLetterOrDigit(c) && !han) {
                word.appendCodePoint(c);
                continue;
            }
            if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
            if (han) {
                words.add(Character.toString(c));
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
