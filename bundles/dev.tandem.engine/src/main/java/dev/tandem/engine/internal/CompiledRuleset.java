package dev.tandem.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import dev.tandem.api.Interaction;
import dev.tandem.api.RulesetRef;
import dev.tandem.api.Signal;
import dev.tandem.api.rules.Decision;

/**
 * One version of a ruleset, compiled and ready to decide; shared by all
 * deciding threads. Rules that {@link DirectRulesBuilder} accepts are evaluated
 * directly, without a session; others run in sessions, pooled and emptied
 * between decisions, because building a session costs more than most decisions do.
 */
final class CompiledRuleset {
    static final String DECISION_GLOBAL = "decision";
    private static final int MAX_IDLE_SESSIONS = 4 * Runtime.getRuntime().availableProcessors() + 4;
    /**
     * Drools 10.1 keeps the fired match of every single-pattern rule (AlphaTerminalNode) reachable after its fact
     * is deleted: about 0.6 KB per decision and rule. A session is replaced after this many decisions, which bounds
     * that to well under a megabyte per session and costs one new session per thousand decisions.
     */
    static final int DECISIONS_PER_SESSION = 1_000;

    private final RulesetRef ref;
    private final KieBase kieBase;
    private final DirectRules direct;
    private final ConcurrentLinkedDeque<PooledSession> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final AtomicInteger sessionsCreated = new AtomicInteger();

    /** A session with the guard that watches it and the facts of the decision in hand; one thread at a time. */
    private static final class PooledSession {
        final KieSession session;
        final FiringGuard guard;
        final List<FactHandle> facts = new ArrayList<>();
        int decisions;

        PooledSession(KieSession session, FiringGuard guard) {
            this.session = session;
            this.guard = guard;
        }

        KieSession session() {
            return session;
        }

        FiringGuard guard() {
            return guard;
        }

        List<FactHandle> facts() {
            return facts;
        }

        boolean worn() {
            return ++decisions >= DECISIONS_PER_SESSION;
        }
    }

    /** @param direct the direct evaluation of these rules, or null to run them in Drools sessions */
    CompiledRuleset(RulesetRef ref, KieBase kieBase, DirectRules direct) {
        this.ref = ref;
        this.kieBase = kieBase;
        this.direct = direct;
    }

    CompiledRuleset(RulesetRef ref, KieBase kieBase) {
        this(ref, kieBase, null);
    }

    /** Whether decisions are evaluated directly rather than in Drools sessions. */
    boolean evaluatedDirectly() {
        return direct != null;
    }

    RulesetRef ref() {
        return ref;
    }

    int ruleCount() {
        return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }

    /** How many sessions this ruleset has built so far. */
    int sessionsCreated() {
        return sessionsCreated.get();
    }

    Evaluation evaluate(Interaction interaction, List<Signal> signals, Limits limits) {
        return evaluate(interaction, signals, limits, System.nanoTime());
    }

    /** @param startNanos when the decision began ({@link System#nanoTime()}): the time budget counts from there */
    Evaluation evaluate(Interaction interaction, List<Signal> signals, Limits limits, long startNanos) {
        if (direct != null) {
            return direct.evaluate(interaction, signals, limits, startNanos);
        }
        // Drools finds its own runtime services through the context class loader
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(CompiledRuleset.class.getClassLoader());
        try {
            PooledSession pooled = borrow();
            Evaluation evaluation = evaluate(pooled, interaction, signals, limits, startNanos);
            giveBack(pooled, !evaluation.failed());
            return evaluation;
        } finally {
            thread.setContextClassLoader(callers);
        }
    }

    private Evaluation evaluate(PooledSession pooled, Interaction interaction, List<Signal> signals, Limits limits,
                                long start) {
        KieSession session = pooled.session();
        List<FactHandle> facts = pooled.facts();
        Decision decision = new Decision();
        try {
            session.setGlobal(DECISION_GLOBAL, decision);
            FactHandle decisionHandle = session.insert(decision);
            facts.add(decisionHandle);
            pooled.guard().arm(decision, decisionHandle, limits, start);
            facts.add(session.insert(interaction));
            for (int i = 0; i < signals.size(); i++) {
                facts.add(session.insert(signals.get(i)));
            }
            session.fireAllRules(limits.maxFirings() + 1);
            return new Evaluation(decision, pooled.guard().firedRules(), pooled.guard().exceeded(),
                    pooled.guard().runaway());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            String rule = pooled.guard().currentRule();
            String where = rule == null ? "the ruleset" : "rule '" + rule + "'";
            return new Evaluation(decision, pooled.guard().firedRules(), where + " failed: " + rootMessage(e),
                    Runaway.behind(e, rule));
        }
    }

    private PooledSession borrow() {
        PooledSession pooled = idle.pollFirst();
        if (pooled != null) {
            idleCount.decrementAndGet();
            return pooled;
        }
        KieSession session = kieBase.newKieSession();
        sessionsCreated.incrementAndGet();
        FiringGuard guard = new FiringGuard(session);
        session.addEventListener(guard);
        return new PooledSession(session, guard);
    }

    /**
     * A session that failed or was halted is not trusted again, nor one that served its share of decisions.
     * A clean one forgets the decision's facts and is kept: deleting a handful of facts touches only the nodes
     * they reached, where a full reset clears the memory of every node of the network.
     */
    private void giveBack(PooledSession pooled, boolean clean) {
        if (clean && !pooled.worn() && forget(pooled)) {
            if (idleCount.incrementAndGet() <= MAX_IDLE_SESSIONS) {
                idle.offerFirst(pooled);
                return;
            }
            idleCount.decrementAndGet();
        }
        pooled.session().dispose();
    }

    /** Deletes the decision's facts; false when rules left facts of their own, which the next decision must not see. */
    private static boolean forget(PooledSession pooled) {
        List<FactHandle> facts = pooled.facts();
        for (int i = facts.size() - 1; i >= 0; i--) {
            pooled.session().delete(facts.get(i));
        }
        facts.clear();
        return pooled.session().getFactCount() == 0;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
