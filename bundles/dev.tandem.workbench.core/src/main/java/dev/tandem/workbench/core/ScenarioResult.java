package dev.tandem.workbench.core;

import java.util.List;

import dev.tandem.api.RoutingDecision;

/**
 * How one scenario went: the decision the rules made and, when it failed, every way it differs
 * from what the scenario expects.
 *
 * @param expected   what the scenario expects, as an analyst reads it
 * @param mismatches empty when the scenario passed
 */
public record ScenarioResult(String file, int line, String name, String expected, RoutingDecision actual,
                             List<String> mismatches) {
    public ScenarioResult {
        mismatches = List.copyOf(mismatches);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** The decision as an analyst reads it, to put beside {@link #expected()}. */
    public String actualText() {
        return actual.route() + (actual.queue() == null ? "" : " queue " + actual.queue()) + " priority "
                + actual.priority() + " skills " + actual.skills() + " rules " + actual.firedRules();
    }

    public RuleProblem toProblem() {
        return new RuleProblem(RuleProblem.Kind.SCENARIO, file, line, 0,
                "scenario '" + name + "' failed: " + String.join("; ", mismatches)
                        + " (rules fired: " + actual.firedRules() + ")");
    }
}
