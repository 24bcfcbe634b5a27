package dev.tandem.api;

import java.util.List;
import java.util.Map;

/**
 * The answer for one interaction.
 *
 * @param ruleset    the ruleset version that decided, or null when none could
 * @param firedRules every rule that fired, in firing order
 * @param failSafe   why the engine could not decide and sent the interaction to a human, or null
 */
public record RoutingDecision(String decisionId, String interactionId, Route route, String queue, int priority,
                              List<String> skills, String language, List<Reason> reasons,
                              Map<String, Object> signals, RulesetRef ruleset, List<String> firedRules,
                              String failSafe, long latencyMicros) {
    public RoutingDecision {
        skills = List.copyOf(skills);
        reasons = List.copyOf(reasons);
        signals = Map.copyOf(signals);
        firedRules = List.copyOf(firedRules);
    }

    public boolean isFailSafe() {
        return failSafe != null;
    }
}
