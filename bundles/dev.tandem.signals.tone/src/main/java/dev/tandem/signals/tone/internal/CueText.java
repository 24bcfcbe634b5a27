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
        String normalised = normalise(text == null ? "" : text);
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

    /** Plain ASCII is already in NFKC; only its capitals need lowering. */
    private static String normalise(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
