package dev.tandem.signals.lexicon.internal;

/** Where a phrase occurs in a message: token positions, end exclusive. */
record Match(Phrase phrase, int start, int end) {
    boolean overlaps(Match other) {
        return start < other.end && other.start < end;
    }
}
