package dev.tandem.workbench.core.internal;

/** A 1-based line and column in a text, as editors and compilers count them. */
public record TextPosition(int line, int column) {
    public static final TextPosition UNKNOWN = new TextPosition(0, 0);

    public static TextPosition of(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new TextPosition(line, offset - lineStart + 1);
    }

    /** Where a snippet first occurs at or after a line, or UNKNOWN. */
    public static TextPosition find(String text, String snippet, int fromLine) {
        int start = 0;
        for (int line = 1; line < fromLine && start >= 0; line++) {
            start = text.indexOf('\n', start) + 1;
            if (start == 0) {
                return UNKNOWN;
            }
        }
        int offset = text.indexOf(snippet, start);
        return offset < 0 ? UNKNOWN : of(text, offset);
    }
}
