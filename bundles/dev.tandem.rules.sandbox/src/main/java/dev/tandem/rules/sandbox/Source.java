package dev.tandem.rules.sandbox;

/**
 * Where checked code comes from: the rule (or function, or class) it belongs to, its file and first line, and the
 * text from that line on, in which a violation's line is looked up.
 *
 * @param rule  the rule's name, {@code function <name>}, or {@code class <name>}
 * @param file  path of the DRL file (or class file) in the bundle or project; may be null
 * @param line  1-based line where the rule starts; 0 when unknown
 * @param text  the source text from {@code line} on (at least the rule's); may be empty
 */
public record Source(String rule, String file, int line, String text) {
    public Source {
        text = text == null ? "" : text;
    }

    /** The line of the first occurrence of the word at or after this source's first line, else the first line. */
    public int lineOf(String word) {
        if (word == null || word.isEmpty()) {
            return line;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (containsWord(lines[i], word)) {
                return line + i;
            }
        }
        return line;
    }

    private static boolean containsWord(String text, String word) {
        int at = text.indexOf(word);
        while (at >= 0) {
            boolean startsWord = at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1));
            int end = at + word.length();
            boolean endsWord = end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
            at = text.indexOf(word, at + 1);
        }
        return false;
    }
}
