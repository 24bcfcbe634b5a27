package dev.tandem.signals.intent.training;

/**
 * Which rows a cross-validation fold holds out. Rows are dealt to folds by their position, so that
 * training ({@code signals train --folds K --holdout I}) and evaluation ({@code eval --folds K --fold I})
 * agree without sharing state.
 */
public record Folds(int count, int heldOut) {
    public static final Folds NONE = new Folds(1, -1);

    public Folds {
        if (count < 1 || heldOut >= count) {
            throw new IllegalArgumentException("fold " + heldOut + " of " + count);
        }
    }

    public boolean isHeldOut(int row) {
        return heldOut >= 0 && row % count == heldOut;
    }
}
