package dev.tandem.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tandem.api.Customer;
import dev.tandem.api.Interaction;
import dev.tandem.api.Message;
import dev.tandem.api.Route;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.Signal;
import dev.tandem.api.SignalDetector;

class ScenarioTesterTest {
    private final ScenarioTester tester = new ScenarioTester();

    @Test
    void everyScenarioOfTheDefaultRulesPasses() {
        TestReport report = tester.test(Fixtures.defaultProject());
        assertTrue(report.passed(), () -> report.allProblems().toString());
        assertTrue(report.results().size() >= 10, "scenarios run: " + report.results().size());
    }

    @Test
    void aChangedRuleFailsTheScenarioThatDependsOnItWithExpectedAndActual() {
        RuleProject project = Fixtures.replaced(Fixtures.ESCALATION, "decision.escalate(\"general\", 80,",
                "decision.escalate(\"general\", 40,");
        TestReport report = tester.test(project);
        assertFalse(report.passed());
        ScenarioResult failed = report.results().stream().filter(r -> !r.passed())
                .filter(r -> r.name().equals("a customer asking for a person is sent to the general queue"))
                .findFirst().orElseThrow(() -> new AssertionError(report.allProblems().toString()));
        assertEquals("scenarios/human-request.json", failed.file());
        int line = Fixtures.placeOf("scenarios/human-request.json", "\"a customer asking for a person")[0];
        assertEquals(line, failed.line());
        assertTrue(failed.mismatches().contains("expected priority 80 but was 40"), failed.mismatches().toString());
        assertTrue(failed.expected().contains("priority 80"), failed.expected());
        assertTrue(failed.actualText().contains("priority 40"), failed.actualText());
        assertTrue(failed.actual().firedRules().contains("customer asks for a human"));
        assertTrue(failed.toProblem().toString().startsWith("scenarios/human-request.json:" + line + ": scenario 'a customer"),
                failed.toProblem().toString());
    }

    @Test
    void rulesThatDoNotBuildRunNoScenarioAndSayWhy() {
        TestReport report = tester.test(Fixtures.replaced(Fixtures.ESCALATION, "then", "than"));
        assertFalse(report.passed());
        assertEquals(List.of(), report.results());
        assertEquals(RuleProblem.Kind.DROOLS, report.problems().get(0).kind());
    }

    @Test
    void aRunawayRuleFailsSafeAndFailsItsScenario() {
        RuleProject project = Fixtures.withRules("""
                rule "loops forever"
                    no-loop false
                when
                    $d : Decision()
                then
                    decision.escalate("general", 10, "again");
                    update($d);
                end
                """);
        TestReport report = tester.test(project);
        assertFalse(report.passed());
        assertTrue(report.allProblems().stream().anyMatch(p -> p.message().contains("the engine failed safe")),
                report.allProblems().toString());
    }

    @Test
    void tryItDecidesWithTheProjectsRulesAndGivenSignals() throws Exception {
        RoutingDecision decision = tester.tryIt(Fixtures.defaultProject(), interaction("my card was stolen"),
                List.of(Signal.score("topic.fraud", 0.9, "try-it")));
        assertEquals(Route.HUMAN, decision.route());
        assertEquals("security", decision.queue());
        assertEquals(List.of("english"), decision.skills());
        assertTrue(decision.firedRules().contains("suspected fraud or a security problem goes to the security team"));
    }

    @Test
    void tryItRunsTheDetectorsWhenNoSignalsAreGiven() throws Exception {
        SignalDetector wantsPerson = new SignalDetector() {
            @Override
            public String name() {
                return "wants-person";
            }

            @Override
            public List<Signal> detect(Interaction interaction) {
                return interaction.getLastCustomerText().contains("person")
                        ? List.of(Signal.score("humanRequest", 0.95, name())) : List.of();
            }
        };
        RoutingDecision decision = new ScenarioTester(List.of(wantsPerson))
                .tryIt(Fixtures.defaultProject(), interaction("a person please"), null);
        assertEquals("general", decision.queue());
        assertEquals(80, decision.priority());
    }

    @Test
    void tryItRefusesRulesThatDoNotBuild() {
        assertThrows(RulesDoNotBuildException.class, () -> tester.tryIt(
                Fixtures.replaced(Fixtures.ESCALATION, "then", "than"), interaction("hi"), List.of()));
    }

    private static Interaction interaction(String text) {
        return new Interaction("t-1", "chat", "en", new Customer("u-1", "standard"),
                List.of(new Message("customer", text)), 0.9, Map.of());
    }
}
