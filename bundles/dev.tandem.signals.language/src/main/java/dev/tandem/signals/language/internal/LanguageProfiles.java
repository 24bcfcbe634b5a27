package dev.tandem.signals.language.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells Chinese, English and Indonesian apart, the languages Tandem serves: Han characters mean Chinese;
 * for Latin script, the language whose word list covers most of the words wins, and its share of the
 * recognised words is the confidence.
 */
final class LanguageProfiles {
    static final String CHINESE = "zh";
    private static final double HAN_SHARE = 0.3;

    private final Map<String, Set<String>> wordsByLanguage;

    LanguageProfiles(Map<String, Set<String>> wordsByLanguage) {
        this.wordsByLanguage = Map.copyOf(wordsByLanguage);
    }

    /** The likely language, or null when the text gives no evidence. */
    LanguageGuess guess(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int letters = 0;
        int han = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normalised.length(); ) {
            int c = normalised.codePointAt(i);
            i += Character.charCount(c);
            boolean isHan = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            letters += Character.isLetter(c) ? 1 : 0;
            han += isHan ? 1 : 0;
            if (Character.isLetterOrDigit(c) && !isHan) {
                word.appendCodePoint(c);
            } else if (c != '\'' && !word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        if (letters > 0 && han >= letters * HAN_SHARE) {
            return new LanguageGuess(CHINESE, Math.min(1.0, 0.5 + (double) han / letters));
        }
        return byWords(words);
    }

    private LanguageGuess byWords(List<String> words) {
        Map<String, Integer> hits = new HashMap<>();
        int recognised = 0;
        for (String word : words) {
            boolean any = false;
            for (Map.Entry<String, Set<String>> language : wordsByLanguage.entrySet()) {
                if (language.getValue().contains(word)) {
                    hits.merge(language.getKey(), 1, Integer::sum);
                    any = true;
                }
            }
            recognised += any ? 1 : 0;
        }
        if (recognised == 0) {
            return null;
        }
        Map.Entry<String, Integer> best = hits.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        int total = hits.values().stream().mapToInt(Integer::intValue).sum();
        // one recognised word is weak evidence: confidence grows with the number of words
        double certainty = (double) best.getValue() / total * Math.min(1.0, 0.4 + 0.2 * recognised);
        return new LanguageGuess(best.getKey(), certainty);
    }
}
