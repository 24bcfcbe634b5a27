package dev.tandem.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tandem.api.Problem;
import dev.tandem.api.RoutingDecision;
import dev.tandem.json.Scenario;

/** Runs a rule bundle's scenarios against a compiled candidate; every failure becomes a problem naming the scenario. */
final class ScenarioRunner {
    private final DecisionMaker decisionMaker;

    ScenarioRunner(DecisionMaker decisionMaker) {
        this.decisionMaker = decisionMaker;
    }

    List<Problem> run(CompiledRuleset candidate, Map<String, byte[]> scenarioFiles) {
        List<Problem> problems = new ArrayList<>();
        scenarioFiles.forEach((file, json) -> {
            try {
                for (Scenario scenario : Scenario.parse(file, json)) {
                    check(scenario, decisionMaker.decide(scenario.interaction(), candidate, scenario.givenSignals()), problems);
                }
            } catch (Scenario.InvalidScenarioException e) {
                problems.add(new Problem(e.file(), 0, 0, e.getMessage()));
            }
        });
        return problems;
    }

    private static void check(Scenario scenario, RoutingDecision actual, List<Problem> problems) {
        List<String> mismatches = scenario.expect().mismatches(actual);
        if (!mismatches.isEmpty()) {
            problems.add(new Problem(scenario.file(), 0, 0, "scenario '" + scenario.name() + "' failed: "
                    + String.join("; ", mismatches) + " (rules fired: " + actual.firedRules() + ")"));
        }
    }
}
