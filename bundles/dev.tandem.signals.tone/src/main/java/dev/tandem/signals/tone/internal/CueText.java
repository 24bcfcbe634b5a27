package dev.tandem.signals.tone.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text prepared for cue matching: lower case, NFKC, apostrophes dropped ("don't" = "dont"), every run of
 * other non-letters one space, padded with spaces so that " word " finds whole words. Han characters stay
 * side by side, so Chinese cues match as substrings.
 */
final class CueText {
    private CueText() {
    }

    static String of(String text) {
        String normalised = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(normalised.length() + 2).append(' ');
        for (int i = 0; i < normalised.length(); ) {
            int c = normalised.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\'' || c == '\u2019') {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                out.appendCodePoint(c);
            } else if (out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        if (out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        return out.toString();
    }
}
