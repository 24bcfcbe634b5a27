package dev.tandem.signals.lexicon.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Normalised text as tokens: lower case, NFKC, apostrophes dropped ("don't" = "dont"),
 * other punctuation ends a clause. Words of space-separated scripts are one token each;
 * every Han character is a token of its own, so Chinese phrases match as substrings.
 * Each token also carries its number in the lexicon's {@link Vocabulary}, which is what phrases match on.
 */
final class Tokens {
    private final String[] words;
    private final int[] ids;
    private final int[] clauses;
    private final int size;

    private Tokens(String[] words, int[] ids, int[] clauses, int size) {
        this.words = words;
        this.ids = ids;
        this.clauses = clauses;
        this.size = size;
    }

    /** Tokens without vocabulary numbers: for reading the words of a pattern. */
    static Tokens of(String text) {
        return of(text, Vocabulary.NONE);
    }

    static Tokens of(String text, Vocabulary vocabulary) {
        String normalised = normalise(text == null ? "" : text);
        String[] words = new String[normalised.length()];
        int[] ids = new int[normalised.length()];
        int[] clauses = new int[normalised.length()];
        int size = 0;
        StringBuilder word = new StringBuilder();
        int clause = 0;
        for (int i = 0; i < normalised.length(); ) {
            int c = normalised.codePointAt(i);
            i += Character.charCount(c);
            if (isApostrophe(c)) {
                continue;
            }
            boolean han = isHan(c);
            if (!han && isWordPart(c)) {
                word.appendCodePoint(c);
                continue;
            }
            if (!word.isEmpty()) {
                size = add(word.toString(), clause, vocabulary, words, ids, clauses, size);
                word.setLength(0);
            }
            if (han) {
                size = add(Character.toString(c), clause, vocabulary, words, ids, clauses, size);
            } else if (endsClause(c)) {
                clause++;
            }
        }
        if (!word.isEmpty()) {
            size = add(word.toString(), clause, vocabulary, words, ids, clauses, size);
        }
        return new Tokens(words, ids, clauses, size);
    }

    int size() { return size; }
    String word(int index) { return words[index]; }
    int id(int index) { return ids[index]; }
    int clause(int index) { return clauses[index]; }

    List<String> words() {
        return List.of(Arrays.copyOf(words, size));
    }

    private static int add(String word, int clause, Vocabulary vocabulary, String[] words, int[] ids, int[] clauses,
                           int size) {
        words[size] = word;
        ids[size] = vocabulary.id(word);
        clauses[size] = clause;
        return size + 1;
    }

    /** Plain ASCII is already in NFKC; only its capitals need lowering. */
    private static String normalise(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '`';
    }

    private static boolean isWordPart(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Han starts at U+2E80; the script look-up is a binary search, so Latin text skips it. */
    private static boolean isHan(int c) {
        return c >= 0x2E80 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
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
