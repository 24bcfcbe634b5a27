package dev.tandem.engine.internal;

/** How much a single decision may cost before the engine gives up and fails safe. */
record Limits(int maxFirings, long timeBudgetNanos) {
    static Limits of(int maxFirings, long timeBudgetMillis) {
        return new Limits(maxFirings, timeBudgetMillis * 1_000_000L);
    }
}
