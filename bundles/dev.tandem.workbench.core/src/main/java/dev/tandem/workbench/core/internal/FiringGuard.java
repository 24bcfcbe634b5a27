package dev.tandem.workbench.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import dev.tandem.api.rules.Decision;

/**
 * (Copied from the engine's internal FiringGuard so that scenarios decide here as they do there.)
 * Watches one decision's rule firings: names the firing rule on the decision
 * (so reasons cite it), re-presents the decision fact when a rule changed it
 * (so {@code Decision( human )} conditions see escalations), and halts the
 * session when the firing count or the time budget is exceeded.
 */
final class FiringGuard extends DefaultAgendaEventListener {
    private final KieSession session;
    private final Decision decision;
    private final FactHandle decisionHandle;
    private final RuleSession.Limits limits;
    private final long deadline;
    private final List<String> firedRules = new ArrayList<>();
    private int seenChanges;
    private String exceeded;

    FiringGuard(KieSession session, Decision decision, FactHandle decisionHandle, RuleSession.Limits limits, long startNanos) {
        this.session = session;
        this.decision = decision;
        this.decisionHandle = decisionHandle;
        this.limits = limits;
        this.deadline = startNanos + limits.timeBudgetNanos();
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
        return firedRules.isEmpty() ? null : firedRules.get(firedRules.size() - 1);
    }

    List<String> firedRules() {
        return firedRules;
    }

    /** Why the run was cut short, or null. */
    String exceeded() {
        return exceeded;
    }
}
