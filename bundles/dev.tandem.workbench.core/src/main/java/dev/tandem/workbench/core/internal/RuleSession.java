package dev.tandem.workbench.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import dev.tandem.api.Interaction;
import dev.tandem.api.Reason;
import dev.tandem.api.Route;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.RulesetRef;
import dev.tandem.api.Signal;
import dev.tandem.api.rules.Decision;

/**
 * Decides one interaction with a built KieBase the way the engine does when it tests a rule bundle
 * (minimal copy of the engine's internal CompiledRuleset and DecisionMaker): the decision global
 * and fact, the interaction and the signals as facts, firing limits, and the fail-safe to a human.
 */
public final class RuleSession {
    /** The engine's defaults for scenario runs. */
    public record Limits(int maxFirings, long timeBudgetNanos) {
        public static final Limits SCENARIO = new Limits(1000, 5_000_000_000L);
    }

    static final String FAIL_SAFE_QUEUE = "general";
    static final int FAIL_SAFE_PRIORITY = 50;
    static final String FAIL_SAFE_RULE = "when the engine cannot decide, a human does";

    private final KieBase kieBase;
    private final RulesetRef ref;
    private final Limits limits;

    public RuleSession(KieBase kieBase, RulesetRef ref, Limits limits) {
        this.kieBase = kieBase;
        this.ref = ref;
        this.limits = limits;
    }

    public RoutingDecision decide(Interaction interaction, List<Signal> signals) {
        long start = System.nanoTime();
        return DroolsBuild.withOwnClassLoader(() -> decideInSession(interaction, signals, start));
    }

    private RoutingDecision decideInSession(Interaction interaction, List<Signal> signals, long start) {
        KieSession session = kieBase.newKieSession();
        Decision decision = new Decision();
        FiringGuard guard = null;
        try {
            session.setGlobal(DroolsBuild.DECISION_GLOBAL, decision);
            FactHandle decisionHandle = session.insert(decision);
            guard = new FiringGuard(session, decision, decisionHandle, limits, start);
            session.addEventListener(guard);
            session.insert(interaction);
            signals.forEach(session::insert);
            session.fireAllRules(limits.maxFirings() + 1);
            if (guard.exceeded() != null) {
                return failSafe(interaction, signals, guard.firedRules(), guard.exceeded(), start);
            }
            return new RoutingDecision(UUID.randomUUID().toString(), interaction.getInteractionId(),
                    decision.getRoute(), decision.getQueue(), decision.getPriority(), decision.getSkills(),
                    language(interaction, signals), decision.getReasons(), shown(signals), ref,
                    new ArrayList<>(guard.firedRules()), null, micros(start));
        } catch (RuntimeException | StackOverflowError e) {
            String rule = guard == null ? null : guard.currentRule();
            String where = rule == null ? "the ruleset" : "rule '" + rule + "'";
            return failSafe(interaction, signals, guard == null ? List.of() : guard.firedRules(),
                    where + " failed: " + rootMessage(e), start);
        } finally {
            session.dispose();
        }
    }

    private RoutingDecision failSafe(Interaction interaction, List<Signal> signals, List<String> firedRules,
                                     String why, long start) {
        return new RoutingDecision(UUID.randomUUID().toString(), interaction.getInteractionId(), Route.HUMAN,
                FAIL_SAFE_QUEUE, FAIL_SAFE_PRIORITY, List.of(), language(interaction, signals),
                List.of(new Reason(FAIL_SAFE_RULE, why)), shown(signals), ref, new ArrayList<>(firedRules), why,
                micros(start));
    }

    private static String language(Interaction interaction, List<Signal> signals) {
        if (interaction.getLanguage() != null) {
            return interaction.getLanguage();
        }
        return signals.stream().filter(s -> "language".equals(s.getName()) && s.getLabel() != null)
                .map(Signal::getLabel).findFirst().orElse(null);
    }

    /** Signals as a decision shows them; of two signals with one name the stronger wins. */
    private static Map<String, Object> shown(List<Signal> signals) {
        Map<String, Signal> strongest = new LinkedHashMap<>();
        for (Signal signal : signals) {
            strongest.merge(signal.getName(), signal, (a, b) -> b.getValue() > a.getValue() ? b : a);
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        strongest.forEach((name, signal) -> shown.put(name, signal.shownValue()));
        return shown;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }
}
