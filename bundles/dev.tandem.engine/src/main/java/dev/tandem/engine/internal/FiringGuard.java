package dev.tandem.engine.internal;

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
 * halts the session when the {@link FiringBudget} runs out.
 * Belongs to one pooled session; re-armed for each decision.
 */
final class FiringGuard extends DefaultAgendaEventListener {
    private final KieSession session;
    private final FiringBudget budget = new FiringBudget();
    private Decision decision;
    private FactHandle decisionHandle;
    private int seenChanges;

    FiringGuard(KieSession session) {
        this.session = session;
    }

    void arm(Decision newDecision, FactHandle newDecisionHandle, Limits newLimits, long startNanos) {
        decision = newDecision;
        decisionHandle = newDecisionHandle;
        seenChanges = 0;
        budget.arm(newLimits, startNanos);
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        String rule = event.getMatch().getRule().getName();
        if (budget.firing(rule)) {
            session.halt();
        }
        decision.ruleFiring(rule);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        if (decision.changeCount() != seenChanges) {
            seenChanges = decision.changeCount();
            session.update(decisionHandle, decision);
        }
    }

    String currentRule() {
        return budget.currentRule();
    }

    List<String> firedRules() {
        return budget.firedRules();
    }

    /** Why the run was cut short, or null. */
    String exceeded() {
        return budget.exceeded();
    }

    /** The limit that cut the run short, or null. */
    Runaway runaway() {
        return budget.runaway();
    }
}
