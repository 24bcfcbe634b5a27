package dev.tandem.engine.internal;

import java.lang.management.ManagementFactory;

/**
 * The bytes the current thread has allocated so far, where the JVM counts them (HotSpot does, cheaply). Kept apart
 * from its users: on a framework that does not export {@code com.sun.management}, only this class fails to link.
 */
final class ThreadAllocation {
    private static final com.sun.management.ThreadMXBean THREADS = counter();

    private ThreadAllocation() {
    }

    /** True when {@link #current()} measures; callers must catch the LinkageError of a framework without the package. */
    static boolean supported() {
        return THREADS != null;
    }

    static long current() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean counter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()) {
            threads.setThreadAllocatedMemoryEnabled(true);
            return threads;
        }
        return null;
    }
}
