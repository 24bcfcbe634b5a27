package dev.tandem.signals.intent.internal;

import java.util.Map;

import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;

/**
 * The weights of a trained maxent (quasi-Newton) model in a table keyed by a 64-bit hash of each feature, so
 * that a message is scored while its features are produced, without building a string per feature. The
 * result equals {@link QNModel#eval(String[])}: the sum of the weights of every feature occurrence per
 * intent, then softmax. Immutable, so one instance serves all threads.
 */
final class CompiledModel {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long EMPTY = 0;

    private final long[] keys;
    private final int[][] outcomes;
    private final double[][] weights;
    private final int mask;
    private final int outcomeCount;

    CompiledModel(QNModel model) {
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
    double[] eval(String text) {
        Scorer scorer = new Scorer(new double[outcomeCount]);
        Features.emit(text, scorer);
        return softmax(scorer.scores);
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

    /** Adds the weights of each feature as soon as its last character is in. */
    private final class Scorer implements Features.Sink {
        private final double[] scores;
        private long hash = FNV_OFFSET;

        Scorer(double[] scores) {
            this.scores = scores;
        }

        @Override
        public void append(char c) {
            hash = step(hash, c);
        }

        @Override
        public void end() {
            int slot = slotOf(nonEmpty(hash));
            hash = FNV_OFFSET;
            if (slot < 0) {
                return;
            }
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
    }
}
