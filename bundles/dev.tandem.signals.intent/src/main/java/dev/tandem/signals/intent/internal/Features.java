package dev.tandem.signals.intent.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the classifier sees of a text: a bias feature (so each intent has a prior of its own), words, word
 * pairs and character n-grams of each word, so that typos and inflections ("refnd", "refunded") still share
 * features with the training examples. Han characters count as words of their own, so Chinese needs no
 * spaces. Training and detection must use the same features: {@link #VERSION} is written into each model
 * bundle and checked when it is loaded.
 * <p>
 * Features are produced one character at a time into a {@link Sink}: training collects them as strings,
 * detection hashes them on the fly (see {@link CompiledModel}), because building some hundred strings per
 * message was most of the detector's time.
 */
public final class Features {
    public static final int VERSION = 2;
    static final String BIAS = "bias";
    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 4;

    /** Receives features as characters; {@link #end()} closes the current feature. */
    interface Sink {
        void append(char c);

        void end();
    }

    private Features() {
    }

    public static String[] of(String text) {
        StringSink sink = new StringSink();
        emit(text, sink);
        return sink.features.toArray(String[]::new);
    }

    static void emit(String text, Sink sink) {
        Words words = Words.of(text);
        append(BIAS, sink);
        sink.end();
        for (int i = 0; i < words.count(); i++) {
            sink.append('w');
            sink.append('=');
            words.appendTo(i, sink);
            sink.end();
            if (i > 0) {
                sink.append('b');
                sink.append('=');
                words.appendTo(i - 1, sink);
                sink.append('_');
                words.appendTo(i, sink);
                sink.end();
            }
            addCharGrams(words, i, sink);
        }
    }

    static List<String> words(String text) {
        Words words = Words.of(text);
        List<String> list = new ArrayList<>(words.count());
        for (int i = 0; i < words.count(); i++) {
            list.add(words.word(i));
        }
        return list;
    }

    /** The n-grams of the word padded as {@code <word>}, e.g. {@code c=<re}, {@code c=fun}, {@code c=nd>}. */
    private static void addCharGrams(Words words, int index, Sink sink) {
        int padded = words.length(index) + 2;
        for (int n = MIN_GRAM; n <= MAX_GRAM && n < padded; n++) {
            for (int start = 0; start + n <= padded; start++) {
                sink.append('c');
                sink.append('=');
                for (int k = start; k < start + n; k++) {
                    sink.append(k == 0 ? '<' : k == padded - 1 ? '>' : words.charAt(index, k - 1));
                }
                sink.end();
            }
        }
    }

    private static void append(String text, Sink sink) {
        for (int i = 0; i < text.length(); i++) {
            sink.append(text.charAt(i));
        }
    }

    /** The words of a text, normalised (NFKC, lower case, apostrophes dropped, digits as 0), in one char array. */
    static final class Words {
        private final char[] chars;
        private final int[] starts;
        private final int[] ends;
        private final int count;

        private Words(char[] chars, int[] starts, int[] ends, int count) {
            this.chars = chars;
            this.starts = starts;
            this.ends = ends;
            this.count = count;
        }

        static Words of(String text) {
            String normalised = normalise(text == null ? "" : text);
            char[] chars = new char[normalised.length()];
            int[] starts = new int[normalised.length() + 1];
            int[] ends = new int[normalised.length() + 1];
            int length = 0;
            int count = 0;
            int wordStart = 0;
            for (int i = 0; i < normalised.length(); ) {
                int c = normalised.codePointAt(i);
                i += Character.charCount(c);
                if (c == '\'' || c == '\u2019') {
                    continue;
                }
                boolean han = isHan(c);
                if (Character.isLetterOrDigit(c) && !han) {
                    length += Character.toChars(Character.isDigit(c) ? '0' : c, chars, length);
                    continue;
                }
                if (length > wordStart) {
                    starts[count] = wordStart;
                    ends[count++] = length;
                }
                if (han) {
                    starts[count] = length;
                    length += Character.toChars(c, chars, length);
                    ends[count++] = length;
                }
                wordStart = length;
            }
            if (length > wordStart) {
                starts[count] = wordStart;
                ends[count++] = length;
            }
            return new Words(chars, starts, ends, count);
        }

        int count() {
            return count;
        }

        int length(int index) {
            return ends[index] - starts[index];
        }

        char charAt(int index, int offset) {
            return chars[starts[index] + offset];
        }

        String word(int index) {
            return new String(chars, starts[index], length(index));
        }

        void appendTo(int index, Sink sink) {
            for (int k = starts[index]; k < ends[index]; k++) {
                sink.append(chars[k]);
            }
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

        /** Han starts at U+2E80; the script look-up is a binary search, so Latin text skips it. */
        private static boolean isHan(int c) {
            return c >= 0x2E80 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
        }
    }

    private static final class StringSink implements Sink {
        private final List<String> features = new ArrayList<>();
        private final StringBuilder feature = new StringBuilder();

        @Override
        public void append(char c) {
            feature.append(c);
        }

        @Override
        public void end() {
            features.add(feature.toString());
            feature.setLength(0);
        }
    }
}
