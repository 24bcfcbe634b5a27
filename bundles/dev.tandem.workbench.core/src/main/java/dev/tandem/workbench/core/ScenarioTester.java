package dev.tandem.workbench.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tandem.api.Interaction;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.RulesetRef;
import dev.tandem.api.Signal;
import dev.tandem.api.SignalDetector;
import dev.tandem.json.Scenario;
import dev.tandem.workbench.core.internal.DroolsBuild;
import dev.tandem.workbench.core.internal.RuleSession;
import dev.tandem.workbench.core.internal.TextPosition;

/**
 * Runs a project's scenarios, and single interactions ("try it"), against the project's rules as
 * they are, without deploying: the same session set-up and checks as the engine's self-test.
 */
public final class ScenarioTester {
    private final List<SignalDetector> detectors;

    /** @param detectors run for scenarios and interactions that do not give their signals */
    public ScenarioTester(List<SignalDetector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    public ScenarioTester() {
        this(List.of());
    }

    public TestReport test(RuleProject project) {
        DroolsBuild.Result build = DroolsBuild.build(project.drlFiles());
        if (!build.ok()) {
            return new TestReport(build.problems(), List.of());
        }
        RuleSession session = new RuleSession(build.kieBase(), ref(project), RuleSession.Limits.SCENARIO);
        List<RuleProblem> problems = new ArrayList<>();
        List<ScenarioResult> results = new ArrayList<>();
        for (Map.Entry<String, String> file : project.scenarioFiles().entrySet()) {
            try {
                for (Scenario scenario : Scenario.parse(file.getKey(), bytes(file.getValue()))) {
                    results.add(run(session, scenario, file.getValue()));
                }
            } catch (Scenario.InvalidScenarioException e) {
                problems.add(new RuleProblem(RuleProblem.Kind.SCENARIO, e.file(), 0, 0, e.getMessage()));
            }
        }
        return new TestReport(problems, results);
    }

    /** Decides one interaction with the project's rules; {@code signals} null runs the detectors. */
    public RoutingDecision tryIt(RuleProject project, Interaction interaction, List<Signal> signals)
            throws RulesDoNotBuildException {
        DroolsBuild.Result build = DroolsBuild.build(project.drlFiles());
        if (!build.ok()) {
            throw new RulesDoNotBuildException(build.problems());
        }
        return new RuleSession(build.kieBase(), ref(project), RuleSession.Limits.SCENARIO)
                .decide(interaction, signals == null ? detect(interaction) : signals);
    }

    private ScenarioResult run(RuleSession session, Scenario scenario, String text) {
        List<Signal> signals = scenario.givenSignals() == null ? detect(scenario.interaction()) : scenario.givenSignals();
        RoutingDecision actual = session.decide(scenario.interaction(), signals);
        return new ScenarioResult(scenario.file(), lineOf(text, scenario.name()), scenario.name(),
                describe(scenario.expect()), actual, scenario.expect().mismatches(actual));
    }

    private List<Signal> detect(Interaction interaction) {
        List<Signal> signals = new ArrayList<>();
        detectors.forEach(detector -> signals.addAll(detector.detect(interaction)));
        return signals;
    }

    private static String describe(Scenario.Expectation expect) {
        StringBuilder text = new StringBuilder(String.valueOf(expect.route()));
        if (expect.queue() != null) {
            text.append(" queue ").append(expect.queue());
        }
        if (expect.priority() != null) {
            text.append(" priority ").append(expect.priority());
        }
        if (expect.skills() != null) {
            text.append(" skills ").append(expect.skills());
        }
        if (expect.rules() != null) {
            text.append(" rules ").append(expect.rules());
        }
        return text.toString();
    }

    /** The line where a scenario's name is written, so problems and editors can point at it. */
    static int lineOf(String text, String scenarioName) {
        return Math.max(1, TextPosition.find(text, "\"" + scenarioName + "\"", 1).line());
    }

    private static RulesetRef ref(RuleProject project) {
        return new RulesetRef(project.name(), project.version());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
