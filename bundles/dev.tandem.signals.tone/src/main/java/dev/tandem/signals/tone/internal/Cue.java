package dev.tandem.signals.tone.internal;

/**
 * One line of a cue file: a phrase that suggests a tone, with a score. Latin-script phrases match whole
 * words ({@code fuck*} also matches words that start so); Chinese phrases match anywhere.
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

    boolean matches(String cueText) {
        return cueText.contains(needle);
    }
}
