package dev.tandem.engine.internal;

import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import dev.tandem.api.Interaction;
import dev.tandem.api.RulesetRef;
import dev.tandem.api.Signal;
import dev.tandem.api.rules.Decision;

/** One version of a ruleset, compiled and ready to decide. Immutable and shared by all deciding threads. */
final class CompiledRuleset {
    static final String DECISION_GLOBAL = "decision";

    private final RulesetRef ref;
    private final KieBase kieBase;

    CompiledRuleset(RulesetRef ref, KieBase kieBase) {
        this.ref = ref;
        this.kieBase = kieBase;
    }

    RulesetRef ref() {
        return ref;
    }

    int ruleCount() {
        return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }

    Evaluation evaluate(Interaction interaction, List<Signal> signals, Limits limits) {
        // Drools finds its own runtime services through the context class loader
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(CompiledRuleset.class.getClassLoader());
        try {
            return evaluateInSession(interaction, signals, limits);
        } finally {
            thread.setContextClassLoader(callers);
        }
    }

    private Evaluation evaluateInSession(Interaction interaction, List<Signal> signals, Limits limits) {
        long start = System.nanoTime();
        KieSession session = kieBase.newKieSession();
        Decision decision = new Decision();
        FiringGuard guard = null;
        try {
            session.setGlobal(DECISION_GLOBAL, decision);
            FactHandle decisionHandle = session.insert(decision);
            guard = new FiringGuard(session, decision, decisionHandle, limits, start);
            session.addEventListener(guard);
            session.insert(interaction);
            for (Signal signal : signals) {
                session.insert(signal);
            }
            session.fireAllRules(limits.maxFirings() + 1);
            return new Evaluation(decision, guard.firedRules(), guard.exceeded());
        } catch (RuntimeException | StackOverflowError e) {
            String rule = guard == null ? null : guard.currentRule();
            String where = rule == null ? "the ruleset" : "rule '" + rule + "'";
            return new Evaluation(decision, guard == null ? List.of() : guard.firedRules(),
                    where + " failed: " + rootMessage(e));
        } finally {
            session.dispose();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
