package dev.tandem.engine.internal;

/**
 * How much a single decision may cost before the engine gives up and fails safe.
 *
 * @param maxAllocatedBytes what the deciding thread may allocate while the rules fire; 0: no budget
 */
record Limits(int maxFirings, long timeBudgetNanos, long maxAllocatedBytes) {
    static Limits of(int maxFirings, long timeBudgetMillis) {
        return of(maxFirings, timeBudgetMillis, 0);
    }

    static Limits of(int maxFirings, long timeBudgetMillis, long maxAllocatedMegabytes) {
        return new Limits(maxFirings, timeBudgetMillis * 1_000_000L, maxAllocatedMegabytes * 1024 * 1024);
    }
}
