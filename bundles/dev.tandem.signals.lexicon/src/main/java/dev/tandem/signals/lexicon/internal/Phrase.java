package dev.tandem.signals.lexicon.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One compiled line of a lexicon file: a sequence of slots, each a choice of token runs (an empty run
 * makes the slot optional) or a gap of up to {@link #MAX_GAP} tokens of the same clause. Alternatives are
 * matched in place rather than expanded, so a line with many choices costs memory for its words only.
 */
record Phrase(String category, double score, List<Slot> slots) {
    /** Wide enough for "charged * twice" = "charged my card twice", narrow enough to stay in one thought. */
    static final int MAX_GAP = 3;

    /** Runs to choose from, longest first so that "do not" wins over "do"; {@code gap} slots have none. */
    record Slot(List<List<String>> runs, boolean gap) {
        static final Slot GAP = new Slot(List.of(), true);

        boolean optional() {
            return !gap && runs.get(runs.size() - 1).isEmpty();
        }
    }

    /** The words a match can start with, for indexing. */
    Set<String> firstWords() {
        Set<String> words = new LinkedHashSet<>();
        for (Slot slot : slots) {
            slot.runs().stream().filter(run -> !run.isEmpty()).forEach(run -> words.add(run.get(0)));
            if (!slot.optional()) {
                break;
            }
        }
        return words;
    }

    /** How many plain phrasings this line stands for. */
    long variantCount() {
        return slots.stream().mapToLong(slot -> slot.gap() ? 1 : slot.runs().size()).reduce(1, Math::multiplyExact);
    }

    /** Where a match starting at {@code start} ends (exclusive), or -1 when there is none. */
    int matchEnd(Tokens tokens, int start) {
        return matchFrom(0, tokens, start, -1);
    }

    /** Whether the phrase covers the whole message, for {@code =} lines. */
    boolean matchesWhole(Tokens tokens) {
        return tokens.size() > 0 && matchFrom(0, tokens, 0, tokens.size()) >= 0;
    }

    /** Backtracks over the choices; {@code requiredEnd} is -1 when any end will do. */
    private int matchFrom(int slotIndex, Tokens tokens, int position, int requiredEnd) {
        if (slotIndex == slots.size()) {
            return requiredEnd < 0 || position == requiredEnd ? position : -1;
        }
        Slot slot = slots.get(slotIndex);
        if (slot.gap()) {
            int clause = tokens.clause(position - 1);
            for (int next = position; next <= position + MAX_GAP && next < tokens.size() && tokens.clause(next) == clause; next++) {
                int end = matchFrom(slotIndex + 1, tokens, next, requiredEnd);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }
        for (List<String> run : slot.runs()) {
            if (startsWith(tokens, position, run)) {
                int end = matchFrom(slotIndex + 1, tokens, position + run.size(), requiredEnd);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    private static boolean startsWith(Tokens tokens, int position, List<String> run) {
        if (position + run.size() > tokens.size()) {
            return false;
        }
        for (int i = 0; i < run.size(); i++) {
            if (!run.get(i).equals(tokens.word(position + i))) {
                return false;
            }
        }
        return true;
    }
}
