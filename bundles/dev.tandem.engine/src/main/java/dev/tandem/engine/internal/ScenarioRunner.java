package dev.tandem.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tandem.api.Problem;
import dev.tandem.api.RoutingDecision;

/** Runs a rule bundle's scenarios against a compiled candidate; every failure becomes a problem naming the scenario. */
final class ScenarioRunner {
    private final DecisionMaker decisionMaker;
    private final ObjectMapper mapper = new ObjectMapper();

    ScenarioRunner(DecisionMaker decisionMaker) {
        this.decisionMaker = decisionMaker;
    }

    List<Problem> run(CompiledRuleset candidate, Map<String, byte[]> scenarioFiles) {
        List<Problem> problems = new ArrayList<>();
        scenarioFiles.forEach((file, json) -> {
            try {
                for (Scenario scenario : Scenario.parse(file, json, mapper)) {
                    check(scenario, decisionMaker.decide(scenario.interaction(), candidate, scenario.givenSignals()), problems);
                }
            } catch (Scenario.InvalidScenarioException e) {
                problems.add(e.problem());
            }
        });
        return problems;
    }

    private static void check(Scenario scenario, RoutingDecision actual, List<Problem> problems) {
        Scenario.Expectation expect = scenario.expect();
        List<String> mismatches = new ArrayList<>();
        if (actual.isFailSafe()) {
            mismatches.add("the engine failed safe: " + actual.failSafe());
        }
        compare("route", expect.route(), actual.route(), mismatches);
        compare("queue", expect.queue(), actual.queue(), mismatches);
        compare("priority", expect.priority(), actual.priority(), mismatches);
        compare("skills", expect.skills(), actual.skills(), mismatches);
        if (expect.rules() != null && !actual.firedRules().containsAll(expect.rules())) {
            List<String> missing = new ArrayList<>(expect.rules());
            missing.removeAll(actual.firedRules());
            mismatches.add("rules that did not fire: " + missing);
        }
        if (!mismatches.isEmpty()) {
            problems.add(new Problem(scenario.file(), 0, 0, "scenario '" + scenario.name() + "' failed: "
                    + String.join("; ", mismatches) + " (rules fired: " + actual.firedRules() + ")"));
        }
    }

    private static void compare(String what, Object expected, Object actual, List<String> mismatches) {
        if (expected != null && !Objects.equals(expected, actual)) {
            mismatches.add("expected " + what + " " + expected + " but was " + actual);
        }
    }
}
