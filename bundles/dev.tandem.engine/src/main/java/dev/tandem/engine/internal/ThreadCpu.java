package dev.tandem.engine.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The CPU time the current thread has used so far, or -1 where the JVM does not measure it. */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

    private ThreadCpu() {
    }

    static long currentNanos() {
        return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : -1;
    }
}
