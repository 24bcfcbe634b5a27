package dev.tandem.signals.tone.internal;

/**
 * One line of a cue file: a phrase that suggests a tone, with a score. Latin-script phrases match whole
 * words ({@code fuck*} also matches words that start so); Chinese phrases match anywhere: the text prepared by
 * {@link CueText} contains the cue's needle.
 */
record Cue(String category, double score, String needle) {

    static Cue of(String category, double score, String phrase) {
        String prepared = CueText.of(phrase.endsWith("*") ? phrase.substring(0, phrase.length() - 1) : phrase).strip();
        if (prepared.isEmpty()) {
            throw new IllegalArgumentException("empty phrase");
        }
        boolean han = prepared.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        String needle = han ? prepared : " " + prepared + (phrase.endsWith("*") ? "" : " ");
        return new Cue(category, score, needle);
    }

    /** Latin-script cues match whole words (padded with spaces); Chinese ones anywhere. */
    boolean wholeWords() {
        return needle.startsWith(" ");
    }

    /** A Latin-script cue whose last word may go on ({@code fuck*}). */
    boolean wordStart() {
        return wholeWords() && !needle.endsWith(" ");
    }
}
