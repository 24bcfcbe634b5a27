package dev.tandem.engine.internal;

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
 * halts the session when the firing count or the time budget is exceeded.
 * Belongs to one pooled session; re-armed for each decision.
 */
final class FiringGuard extends DefaultAgendaEventListener {
    private final KieSession session;
    private Decision decision;
    private FactHandle decisionHandle;
    private Limits limits;
    private long deadline;
    private List<String> firedRules;
    private int seenChanges;
    private String exceeded;

    FiringGuard(KieSession session) {
        this.session = session;
    }

    void arm(Decision newDecision, FactHandle newDecisionHandle, Limits newLimits, long startNanos) {
        decision = newDecision;
        decisionHandle = newDecisionHandle;
        limits = newLimits;
        deadline = startNanos + newLimits.timeBudgetNanos();
        firedRules = new ArrayList<>(8);
        seenChanges = 0;
        exceeded = null;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        String rule = event.getMatch().getRule().getName();
        if (firedRules.size() >= limits.maxFirings()) {
            stop("more than " + limits.maxFirings() + " rule firings (last: '" + rule + "')");
        } else if (System.nanoTime() > deadline) {
            stop("time budget of " + limits.timeBudgetNanos() / 1_000_000 + " ms exceeded (at rule '" + rule + "')");
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

    private void stop(String why) {
        if (exceeded == null) {
            exceeded = why;
        }
        session.halt();
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
}
