package dev.tandem.engine.internal;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;

/**
 * One decision's budget of rule firings, time and memory, whichever way its rules run: counts each firing and says
 * when the rules must stop, and which limit stopped them. Re-armed for each decision; one thread at a time.
 */
final class FiringBudget {
    /** Whether the JVM counts each thread's allocations; without that, memory is not budgeted (OOME still fails safe). */
    private static final boolean METERED = allocationMetered();

    private Limits limits;
    private long deadline;
    /** A tenth of the budget into the decision: a firing after it shows the rules themselves are slow. */
    private long slow;
    /** The rules fired in this decision, in order: the first firedCount; the array is kept for the next decision. */
    private String[] fired = new String[8];
    private int firedCount;
    private String exceeded;
    private Runaway runaway;
    private long allocatedBefore;
    private boolean firedWhenSlow;
    /** The thread's CPU time when the decision became slow; read only then, as few decisions do. */
    private long cpuWhenSlow;

    void arm(Limits newLimits, long startNanos) {
        limits = newLimits;
        deadline = startNanos + newLimits.timeBudgetNanos();
        slow = startNanos + newLimits.timeBudgetNanos() / 10;
        firedCount = 0;
        exceeded = null;
        runaway = null;
        allocatedBefore = 0;
        firedWhenSlow = false;
    }

    /**
     * Counts a rule about to fire. True when the rules must stop after this firing: Drools finishes the firing in
     * hand when a session is halted, so both ways of running rules fire it and stop then.
     */
    boolean firing(String rule) {
        if (firedCount == 0 && metered()) {
            allocatedBefore = ThreadAllocation.current();
        }
        boolean stop = true;
        if (firedCount >= limits.maxFirings()) {
            exceed(Runaway.FIRINGS, rule, "more than " + limits.maxFirings() + " rule firings (last: '" + rule + "')");
        } else if (overMemoryBudget()) {
            exceed(Runaway.MEMORY, rule, "memory budget of " + limits.maxAllocatedBytes() / (1024 * 1024)
                    + " MB exceeded (at rule '" + rule + "')");
        } else {
            stop = firedCount > 0 && outOfTime(rule);
        }
        if (firedCount == fired.length) {
            fired = Arrays.copyOf(fired, 2 * firedCount);
        }
        fired[firedCount++] = rule;
        return stop;
    }

    /**
     * What the rules allocated since their first firing: the previous firings built it, the next one must not run on
     * it. Counted from the first firing, as before it only conditions ran.
     */
    private boolean overMemoryBudget() {
        return firedCount > 0 && metered()
                && ThreadAllocation.current() - allocatedBefore > limits.maxAllocatedBytes();
    }

    private boolean metered() {
        return limits.maxAllocatedBytes() > 0 && METERED;
    }

    /**
     * The time budget, checked from the second firing on: before the first only conditions ran, and a clock read
     * costs a fifth of a quick firing. It counts against the ruleset only when the rules were still firing after a tenth of the
     * budget, and when the thread was on the CPU for another tenth of the budget after that: a decision that the
     * machine stalled (a collector pause, a descheduled thread on a loaded host) jumps from its quick first firings
     * past the budget, or waits out the budget off the CPU, fails safe, and is not blamed on the rules.
     */
    private boolean outOfTime(String rule) {
        long now = System.nanoTime();
        if (now > deadline) {
            exceed(ranSlowly() ? Runaway.TIME : null, rule, "time budget of " + limits.timeBudgetNanos() / 1_000_000
                    + " ms exceeded (at rule '" + rule + "')");
            return true;
        }
        if (now > slow && !firedWhenSlow) {
            firedWhenSlow = true;
            cpuWhenSlow = ThreadCpu.currentNanos();
        }
        return false;
    }

    private boolean ranSlowly() {
        if (!firedWhenSlow) {
            return false;
        }
        long cpu = ThreadCpu.currentNanos();
        return cpu < 0 || cpuWhenSlow < 0 || cpu - cpuWhenSlow >= limits.timeBudgetNanos() / 10;
    }

    /** @param limit the runaway to count against the ruleset, or null when the ruleset is not to blame */
    private void exceed(String limit, String rule, String why) {
        if (exceeded == null) {
            exceeded = why;
            runaway = limit == null ? null : new Runaway(limit, rule);
        }
    }

    private static boolean allocationMetered() {
        try {
            return ThreadAllocation.supported();
        } catch (LinkageError unavailable) {
            System.getLogger(FiringBudget.class.getName()).log(Level.WARNING,
                    "this JVM does not count thread allocations: rules get no memory budget", unavailable);
            return false;
        }
    }

    String currentRule() {
        return firedCount == 0 ? null : fired[firedCount - 1];
    }

    /** An immutable copy, made once, that the decision keeps as it is. */
    List<String> firedRules() {
        return switch (firedCount) {
            case 0 -> List.of();
            case 1 -> List.of(fired[0]);
            case 2 -> List.of(fired[0], fired[1]);
            default -> List.copyOf(Arrays.asList(fired).subList(0, firedCount));
        };
    }

    /** Why the run was cut short, or null. */
    String exceeded() {
        return exceeded;
    }

    /** The limit that cut the run short, or null. */
    Runaway runaway() {
        return runaway;
    }
}
