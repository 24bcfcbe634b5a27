package dev.tandem.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tandem.api.Problem;

class ScenarioRunnerTest {
    private final ScenarioRunner runner = new ScenarioRunner(new DecisionMaker(new SignalDetection(), Limits.of(1000, 5000)));

    @Test
    void theDefaultRulesetPassesItsOwnScenarios() throws IOException {
        CompiledRuleset defaults = compiledDefaults();
        List<Problem> problems = runner.run(defaults, DecisionMakerTest.files(DecisionMakerTest.DEFAULT_RULES.resolve("scenarios")));
        assertEquals(List.of(), problems);
    }

    @Test
    void aFailedExpectationNamesScenarioExpectedAndActual() throws IOException {
        String scenario = """
                {"name":"asks for a person","interaction":{"interactionId":"s","messages":[{"from":"customer","text":"x"}]},
                 "signals":{"humanRequest":0.9},"expect":{"route":"HUMAN","queue":"billing","rules":["nope"]}}
                """;
        List<Problem> problems = runner.run(compiledDefaults(), Map.of("scenarios/a.json", scenario.getBytes()));

        assertEquals(1, problems.size());
        String message = problems.get(0).message();
        assertEquals("scenarios/a.json", problems.get(0).file());
        assertTrue(message.contains("scenario 'asks for a person' failed"), message);
        assertTrue(message.contains("expected queue billing but was general"), message);
        assertTrue(message.contains("rules that did not fire: [nope]"), message);
    }

    @Test
    void malformedScenarioFilesAreProblemsNotCrashes() throws IOException {
        Map<String, byte[]> files = Map.of(
                "scenarios/json.json", "{not json".getBytes(),
                "scenarios/route.json", """
                        {"name":"n","interaction":{"interactionId":"s","messages":[{"from":"customer","text":"x"}]},
                         "expect":{"route":"ROBOT"}}""".getBytes(),
                "scenarios/field.json", """
                        {"name":"n","interaction":{"interactionId":"s","messages":[]},"expect":{"route":"AI"}}""".getBytes());
        List<Problem> problems = runner.run(compiledDefaults(), files);

        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.toString().contains("not valid JSON"), problems::toString);
        assertTrue(problems.toString().contains("route must be AI or HUMAN"), problems::toString);
        assertTrue(problems.toString().contains("messages"), problems::toString);
    }

    private static CompiledRuleset compiledDefaults() throws IOException {
        RulesetCompiler.Result result = new RulesetCompiler(ScenarioRunnerTest.class.getClassLoader()).compile(
                new dev.tandem.api.RulesetRef("rules.escalation-default", "1.0.0"),
                DecisionMakerTest.files(DecisionMakerTest.DEFAULT_RULES.resolve("drl")));
        assertTrue(result.ok(), result.problems()::toString);
        return result.ruleset();
    }
}
