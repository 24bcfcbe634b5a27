package dev.tandem.signals.lexicon.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One compiled line of a lexicon file: a sequence of slots, each a choice of token runs (an empty run
 * makes the slot optional) or a gap of up to {@link #MAX_GAP} tokens of the same clause. Alternatives are
 * matched in place rather than expanded, so a line with many choices costs memory for its words only.
 * <p>
 * The slots are kept as one array of vocabulary numbers: for each slot its kind ({@link #GAP} or how many
 * runs it has) and where the next slot starts, then each run as its length and its words' numbers. Matching
 * a message then reads one small array per phrase instead of a tree of lists and strings.
 */
final class Phrase {
    /** Wide enough for "charged * twice" = "charged my card twice", narrow enough to stay in one thought. */
    static final int MAX_GAP = 3;
    private static final int GAP = -1;

    /** Runs to choose from, longest first so that "do not" wins over "do"; {@code gap} slots have none. */
    record Slot(List<List<String>> runs, boolean gap) {
        static final Slot GAP = new Slot(List.of(), true);

        boolean optional() {
            return !gap && runs.get(runs.size() - 1).isEmpty();
        }
    }

    private final String category;
    private final double score;
    private final int[] code;
    private final int[] firstIds;
    private final long variantCount;

    private Phrase(String category, double score, int[] code, int[] firstIds, long variantCount) {
        this.category = category;
        this.score = score;
        this.code = code;
        this.firstIds = firstIds;
        this.variantCount = variantCount;
    }

    /** Compiles the slots, numbering their words in {@code vocabulary}. */
    static Phrase of(String category, double score, List<Slot> slots, Vocabulary.Builder vocabulary) {
        int[] code = new int[codeLength(slots)];
        int at = 0;
        for (Slot slot : slots) {
            int start = at;
            at += 2;
            if (!slot.gap()) {
                for (List<String> run : slot.runs()) {
                    code[at++] = run.size();
                    for (String word : run) {
                        code[at++] = vocabulary.add(word);
                    }
                }
            }
            code[start] = slot.gap() ? GAP : slot.runs().size();
            code[start + 1] = at;
        }
        int[] firstIds = firstWords(slots).stream().mapToInt(vocabulary::add).toArray();
        return new Phrase(category, score, code, firstIds, variantCount(slots));
    }

    String category() {
        return category;
    }

    double score() {
        return score;
    }

    /** The vocabulary numbers of the words a match can start with, for indexing. */
    int[] firstIds() {
        return firstIds.clone();
    }

    /** How many plain phrasings this line stands for. */
    long variantCount() {
        return variantCount;
    }

    /** Where a match starting at {@code start} ends (exclusive), or -1 when there is none. */
    int matchEnd(Tokens tokens, int start) {
        return matchFrom(0, tokens, start, -1);
    }

    /** Whether the phrase covers the whole message, for {@code =} lines. */
    boolean matchesWhole(Tokens tokens) {
        return tokens.size() > 0 && matchFrom(0, tokens, 0, tokens.size()) >= 0;
    }

    /** Backtracks over the choices from the slot at {@code at}; {@code requiredEnd} is -1 when any end will do. */
    private int matchFrom(int at, Tokens tokens, int position, int requiredEnd) {
        if (at == code.length) {
            return requiredEnd < 0 || position == requiredEnd ? position : -1;
        }
        int next = code[at + 1];
        if (code[at] == GAP) {
            int clause = tokens.clause(position - 1);
            for (int skip = position; skip <= position + MAX_GAP && skip < tokens.size() && tokens.clause(skip) == clause; skip++) {
                int end = matchFrom(next, tokens, skip, requiredEnd);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }
        int run = at + 2;
        for (int choice = 0; choice < code[at]; choice++) {
            int length = code[run];
            if (startsWith(tokens, position, run + 1, length)) {
                int end = matchFrom(next, tokens, position + length, requiredEnd);
                if (end >= 0) {
                    return end;
                }
            }
            run += 1 + length;
        }
        return -1;
    }

    private boolean startsWith(Tokens tokens, int position, int word, int length) {
        if (position + length > tokens.size()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (code[word + i] != tokens.id(position + i)) {
                return false;
            }
        }
        return true;
    }

    private static int codeLength(List<Slot> slots) {
        int length = 0;
        for (Slot slot : slots) {
            length += 2;
            for (List<String> run : slot.runs()) {
                length += 1 + run.size();
            }
        }
        return length;
    }

    private static Set<String> firstWords(List<Slot> slots) {
        Set<String> words = new LinkedHashSet<>();
        for (Slot slot : slots) {
            slot.runs().stream().filter(run -> !run.isEmpty()).forEach(run -> words.add(run.get(0)));
            if (!slot.optional()) {
                break;
            }
        }
        return words;
    }

    private static long variantCount(List<Slot> slots) {
        return slots.stream().mapToLong(slot -> slot.gap() ? 1 : slot.runs().size()).reduce(1, Math::multiplyExact);
    }
}
