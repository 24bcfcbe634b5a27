package dev.tandem.signals.lexicon.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Normalised text as tokens: lower case, NFKC, apostrophes dropped ("don't" = "dont"),
 * other punctuation ends a clause. Words of space-separated scripts are one token each;
 * every Han character is a token of its own, so Chinese phrases match as substrings.
 */
final class Tokens {
    private final String[] words;
    private final int[] clauses;

    private Tokens(List<String> words, List<Integer> clauses) {
        this.words = words.toArray(String[]::new);
        this.clauses = clauses.stream().mapToInt(Integer::intValue).toArray();
    }

    static Tokens of(String text) {
        String normalised = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        List<Integer> clauses = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int clause = 0;
        for (int i = 0; i < normalised.length(); ) {
            int c = normalised.codePointAt(i);
            i += Character.charCount(c);
            if (isApostrophe(c)) {
                continue;
            }
            if (isWordPart(c) && !isHan(c)) {
                word.appendCodePoint(c);
                continue;
            }
            flush(word, clause, words, clauses);
            if (isHan(c)) {
                words.add(Character.toString(c));
                clauses.add(clause);
            } else if (endsClause(c)) {
                clause++;
            }
        }
        flush(word, clause, words, clauses);
        return new Tokens(words, clauses);
    }

    int size() { return words.length; }
    String word(int index) { return words[index]; }
    int clause(int index) { return clauses[index]; }

    List<String> words() {
        return List.of(words);
    }

    private static void flush(StringBuilder word, int clause, List<String> words, List<Integer> clauses) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            clauses.add(clause);
            word.setLength(0);
        }
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '`';
    }

    private static boolean isWordPart(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Sentence and clause punctuation limits negation scope; hyphens, quotes, slashes and symbols only separate words. */
    private static boolean endsClause(int c) {
        return switch (Character.getType(c)) {
            case Character.OTHER_PUNCTUATION -> "\"/&@#*%".indexOf(c) < 0;
            case Character.START_PUNCTUATION, Character.END_PUNCTUATION -> true;
            default -> false;
        };
    }
}
