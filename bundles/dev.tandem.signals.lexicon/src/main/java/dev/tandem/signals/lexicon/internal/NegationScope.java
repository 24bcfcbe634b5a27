package dev.tandem.signals.lexicon.internal;

import java.util.List;

/**
 * The negation cues found in one message and the phrases they cancel: a cue cancels a phrase that
 * starts at most {@code window} tokens after it (or ends at most that far before an after-cue), in the
 * same clause, with no stop word between. A cue that is itself negated affirms again (double negative).
 */
final class NegationScope {
    private final Tokens tokens;
    private final List<Match> cuesBefore;
    private final List<Match> cuesAfter;
    private final List<Match> stops;
    private final int window;

    NegationScope(Tokens tokens, List<Match> cuesBefore, List<Match> cuesAfter, List<Match> stops, int window) {
        this.tokens = tokens;
        this.cuesBefore = cuesBefore;
        this.cuesAfter = cuesAfter;
        this.stops = stops;
        this.window = window;
    }

    boolean cancels(Match phrase) {
        return negatedBefore(phrase.start()) || negatedAfter(phrase);
    }

    private boolean negatedBefore(int position) {
        Match cue = nearestCueBefore(position);
        return cue != null && !negatedBefore(cue.start());
    }

    /** A cue may overlap the phrase ("不需要" before "需要人工") but must start before it: "don't recognise" is a phrase, not a negated one. */
    private Match nearestCueBefore(int position) {
        Match nearest = null;
        for (Match cue : cuesBefore) {
            if (cue.start() < position && position - cue.end() <= window
                    && sameClause(cue.start(), position) && !stopBetween(cue.end(), position)) {
                nearest = cue;
            }
        }
        return nearest;
    }

    private boolean negatedAfter(Match phrase) {
        for (Match cue : cuesAfter) {
            if (cue.start() >= phrase.end() && cue.start() - phrase.end() <= window
                    && sameClause(phrase.end() - 1, cue.start()) && !stopBetween(phrase.end(), cue.start())) {
                return true;
            }
        }
        return false;
    }

    private boolean sameClause(int first, int second) {
        return tokens.clause(first) == tokens.clause(second);
    }

    private boolean stopBetween(int from, int to) {
        for (Match stop : stops) {
            if (stop.start() >= from && stop.start() < to) {
                return true;
            }
        }
        return false;
    }
}
