package dev.tandem.engine.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import dev.tandem.api.rules.Decision;

/**
 * Watches one decision's rule firings at a time: names the firing rule on the
 * decision (so reasons cite it), re-presents the decision fact when a rule
 * changed it (so {@code Decision( human )} conditions see escalations), and
 * halts the session when the firing count, the time budget or the memory budget is exceeded.
 * Belongs to one pooled session; re-armed for each decision.
 */
final class FiringGuard extends DefaultAgendaEventListener {
    /** Whether the JVM counts each thread's allocations; without that, memory is not budgeted (OOME still fails safe). */
    private static final boolean METERED = allocationMetered();

    private final KieSession session;
    private Decision decision;
    private FactHandle decisionHandle;
    private Limits limits;
    private long deadline;
    /** A tenth of the budget into the decision: a firing after it shows the rules themselves are slow. */
    private long slow;
    private List<String> firedRules;
    private int seenChanges;
    private String exceeded;
    private Runaway runaway;
    private long allocatedBefore;
    private boolean firedWhenSlow;
    /** The thread's CPU time when the decision became slow; read only then, as few decisions do. */
    private long cpuWhenSlow;

    FiringGuard(KieSession session) {
        this.session = session;
    }

    void arm(Decision newDecision, FactHandle newDecisionHandle, Limits newLimits, long startNanos) {
        decision = newDecision;
        decisionHandle = newDecisionHandle;
        limits = newLimits;
        deadline = startNanos + newLimits.timeBudgetNanos();
        slow = startNanos + newLimits.timeBudgetNanos() / 10;
        firedRules = new ArrayList<>(8);
        seenChanges = 0;
        exceeded = null;
        runaway = null;
        allocatedBefore = newLimits.maxAllocatedBytes() > 0 && METERED ? ThreadAllocation.current() : 0;
        firedWhenSlow = false;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        String rule = event.getMatch().getRule().getName();
        if (firedRules.size() >= limits.maxFirings()) {
            stop(Runaway.FIRINGS, rule, "more than " + limits.maxFirings() + " rule firings (last: '" + rule + "')");
        } else if (overMemoryBudget()) {
            stop(Runaway.MEMORY, rule, "memory budget of " + limits.maxAllocatedBytes() / (1024 * 1024)
                    + " MB exceeded (at rule '" + rule + "')");
        } else {
            checkTime(rule);
        }
        firedRules.add(rule);
        decision.ruleFiring(rule);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        if (decision.changeCount() != seenChanges) {
            seenChanges = decision.changeCount();
            session.update(decisionHandle, decision);
        }
    }

    /** What the rules allocated so far: the previous firings built it, the next one must not run on it. */
    private boolean overMemoryBudget() {
        return limits.maxAllocatedBytes() > 0 && METERED
                && ThreadAllocation.current() - allocatedBefore > limits.maxAllocatedBytes();
    }

    /**
     * The time budget. It counts against the ruleset only when the rules were still firing after a tenth of the
     * budget, and when the thread was on the CPU for another tenth of the budget after that: a decision that the
     * machine stalled (a collector pause, a descheduled thread on a loaded host) jumps from its quick first firings
     * past the budget, or waits out the budget off the CPU, fails safe, and is not blamed on the rules.
     */
    private void checkTime(String rule) {
        long now = System.nanoTime();
        if (now > deadline) {
            stop(ranSlowly() ? Runaway.TIME : null, rule, "time budget of " + limits.timeBudgetNanos() / 1_000_000
                    + " ms exceeded (at rule '" + rule + "')");
        } else if (now > slow && !firedWhenSlow) {
            firedWhenSlow = true;
            cpuWhenSlow = ThreadCpu.currentNanos();
        }
    }

    private boolean ranSlowly() {
        if (!firedWhenSlow) {
            return false;
        }
        long cpu = ThreadCpu.currentNanos();
        return cpu < 0 || cpuWhenSlow < 0 || cpu - cpuWhenSlow >= limits.timeBudgetNanos() / 10;
    }

    /** @param limit the runaway to count against the ruleset, or null when the ruleset is not to blame */
    private void stop(String limit, String rule, String why) {
        if (exceeded == null) {
            exceeded = why;
            runaway = limit == null ? null : new Runaway(limit, rule);
        }
        session.halt();
    }

    private static boolean allocationMetered() {
        try {
            return ThreadAllocation.supported();
        } catch (LinkageError unavailable) {
            System.getLogger(FiringGuard.class.getName()).log(Level.WARNING,
                    "this JVM does not count thread allocations: rules get no memory budget", unavailable);
            return false;
        }
    }

    String currentRule() {
        return firedRules == null || firedRules.isEmpty() ? null : firedRules.get(firedRules.size() - 1);
    }

    List<String> firedRules() {
        return firedRules == null ? List.of() : firedRules;
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
