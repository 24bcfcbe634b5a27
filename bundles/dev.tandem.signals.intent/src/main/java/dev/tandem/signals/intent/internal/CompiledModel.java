package dev.tandem.signals.intent.internal;

import java.util.Map;

import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;

/**
 * The weights of a trained maxent (quasi-Newton) model in a table keyed by a 64-bit hash of each feature, so
 * that a message is scored from its features' hashes, without building a string per feature. The result
 * equals {@link QNModel#eval(String[])}: the sum of the weights of every feature occurrence per intent, in
 * the same order, then softmax. Immutable, so one instance serves all threads.
 * <p>
 * A message usually finds the table out of the processor's caches (the rules and the other detectors ran
 * since the last one). So its features are hashed first and looked up after, in blocks, in a loop whose
 * look-ups do not wait for each other: the processor fetches the slots of many features at once instead of
 * one by one (a quarter less time on a cold cache, the same on a warm one).
 */
public final class CompiledModel {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long EMPTY = 0;
    /** Features looked up together: those of about 100 characters, most messages in one go. */
    private static final int BLOCK = 256;

    private final long[] keys;
    private final int[][] outcomes;
    private final double[][] weights;
    private final int mask;
    private final int outcomeCount;

    public CompiledModel(QNModel model) {
        Object[] data = model.getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> predicates = (Map<String, Context>) data[1];
        outcomeCount = ((String[]) data[2]).length;
        int capacity = Integer.highestOneBit(Math.max(4, predicates.size() * 2 - 1)) << 1;
        keys = new long[capacity];
        outcomes = new int[capacity][];
        weights = new double[capacity][];
        mask = capacity - 1;
        predicates.forEach(this::put);
    }

    /** The probability of each outcome (in the model's outcome order) for the text. */
    public double[] eval(String text) {
        Scorer scorer = new Scorer(Math.min(BLOCK, text.length() * 3 + 8));
        Features.emit(text, scorer);
        scorer.flush();
        return softmax(scorer.scores);
    }

    private void add(int slot, double[] scores) {
        int[] outcomesOfFeature = outcomes[slot];
        double[] weightsOfFeature = weights[slot];
        if (outcomesOfFeature == null) {
            for (int i = 0; i < weightsOfFeature.length; i++) {
                scores[i] += weightsOfFeature[i];
            }
            return;
        }
        for (int i = 0; i < outcomesOfFeature.length; i++) {
            scores[outcomesOfFeature[i]] += weightsOfFeature[i];
        }
    }

    static long hash(CharSequence feature) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < feature.length(); i++) {
            hash = step(hash, feature.charAt(i));
        }
        return nonEmpty(hash);
    }

    private static long step(long hash, char c) {
        return (hash ^ c) * FNV_PRIME;
    }

    private static long nonEmpty(long hash) {
        return hash == EMPTY ? 1 : hash;
    }

    private void put(String predicate, Context context) {
        long key = hash(predicate);
        int slot = (int) key & mask;
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                throw new IllegalStateException("two features of the model share a hash: " + predicate);
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        outcomes[slot] = isDense(context.getOutcomes()) ? null : context.getOutcomes();
        weights[slot] = context.getParameters();
    }

    /** Quasi-Newton training gives every feature a weight for every outcome, in order: then a plain loop will do. */
    private boolean isDense(int[] outcomesOfFeature) {
        if (outcomesOfFeature.length != outcomeCount) {
            return false;
        }
        for (int i = 0; i < outcomesOfFeature.length; i++) {
            if (outcomesOfFeature[i] != i) {
                return false;
            }
        }
        return true;
    }

    private int slotOf(long key) {
        int slot = (int) key & mask;
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.exp(scores[i] - max);
            sum += scores[i];
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= sum;
        }
        return scores;
    }

    /**
     * Adds the weights of the features in blocks, in the order they come. A block's features are all looked
     * up before any is added, so that the look-ups do not wait for each other.
     */
    private final class Scorer implements Features.Sink {
        private final double[] scores = new double[outcomeCount];
        private final long[] hashes;
        private final int[] slots;
        private int count;
        private long hash = FNV_OFFSET;

        /** A Han character gives three features, a Latin word about two per character (with its space). */
        Scorer(int blockSize) {
            hashes = new long[blockSize];
            slots = new int[blockSize];
        }

        @Override
        public void append(char c) {
            hash = step(hash, c);
        }

        @Override
        public void end() {
            if (count == hashes.length) {
                flush();
            }
            hashes[count++] = nonEmpty(hash);
            hash = FNV_OFFSET;
        }

        void flush() {
            for (int i = 0; i < count; i++) {
                slots[i] = slotOf(hashes[i]);
            }
            for (int i = 0; i < count; i++) {
                if (slots[i] >= 0) {
                    add(slots[i], scores);
                }
            }
            count = 0;
        }
    }
}
