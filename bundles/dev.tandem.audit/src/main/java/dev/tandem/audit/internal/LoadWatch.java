package dev.tandem.audit.internal;

import java.util.concurrent.TimeUnit;

/**
 * Whether records have arrived slowly enough, for long enough, for the database to take them as they come.
 * The journal writer counts arrivals in windows of 100 ms; the loader asks. A window at or above the rate
 * stops the load at once; the load starts again only after a second without one, because a decider that
 * stalls for a moment (a collection, another process) must not let it start: the load would then slow the
 * deciders and keep the rate low. Nothing is known at start, so the first second counts as busy.
 */
final class LoadWatch {
    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long loadBelowPerSecond;
    private long windowStart = System.nanoTime();
    private long arrivedInWindow;
    private volatile long busyAtNanos = System.nanoTime();

    LoadWatch(long loadBelowPerSecond) {
        this.loadBelowPerSecond = loadBelowPerSecond;
    }

    /** Called by the journal writer only. */
    void arrived(long records, long nowNanos) {
        arrivedInWindow += records;
        long elapsed = nowNanos - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            if (arrivedInWindow * 1_000_000_000L / elapsed >= loadBelowPerSecond) {
                busyAtNanos = nowNanos;
            }
            arrivedInWindow = 0;
            windowStart = nowNanos;
        }
    }

    boolean quiet() {
        return System.nanoTime() - busyAtNanos >= QUIET_NANOS;
    }
}
