package dev.tandem.signals.language.internal;

/** A language and how sure the detector is of it, in [0,1]. */
record LanguageGuess(String language, double confidence) {
}
