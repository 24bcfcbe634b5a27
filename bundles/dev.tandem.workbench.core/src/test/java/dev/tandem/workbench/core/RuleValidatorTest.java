package dev.tandem.workbench.core;

import static dev.tandem.workbench.core.Fixtures.ESCALATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.workbench.core.RuleProblem.Kind;

class RuleValidatorTest {
    private final RuleValidator validator = new RuleValidator();

    @Test
    void theDefaultRulesHaveNoProblems() {
        assertEquals(List.of(), validator.validate(Fixtures.defaultProject()));
    }

    @Test
    void aSyntaxErrorIsReportedByDroolsWithItsPlace() {
        RuleProject project = Fixtures.replaced(ESCALATION, "rule \"customer asks for a human\"\nwhen",
                "rule \"customer asks for a human\"\nwhen when");
        RuleProblem problem = only(project);
        assertEquals(Kind.DROOLS, problem.kind());
        assertEquals(ESCALATION, problem.file());
        int[] signal = Fixtures.placeOf(ESCALATION, "Signal( name == \"humanRequest\"");
        assertEquals(signal[0], problem.line(), problem.toString());
        assertEquals(signal[1], problem.column(), problem.toString());
    }

    @Test
    void aPatternOnATypeTheEngineNeverInsertsIsAnUnknownFactType() {
        RuleProject project = Fixtures.withRules("""
                rule "vip"
                when
                    Vip( level > 2 )
                then
                    decision.escalate("general", 50, "vip");
                end
                """);
        RuleProblem problem = only(project);
        assertEquals(Kind.UNKNOWN_FACT_TYPE, problem.kind());
        assertEquals("drl/extra.drl", problem.file());
        assertEquals(8, problem.line());
        assertEquals(5, problem.column());
        assertTrue(problem.message().contains("'Vip'") && problem.message().contains("Interaction, Signal, Decision"),
                problem.message());
    }

    @Test
    void anImportedClassThatIsNotAFactIsAnUnknownFactTypeToo() {
        RuleProject project = Fixtures.withRules("""
                import dev.tandem.api.Customer;
                rule "gold"
                when
                    Customer( tier == "gold" )
                then
                    decision.escalate("general", 50, "gold");
                end
                """);
        assertEquals(Kind.UNKNOWN_FACT_TYPE, only(project).kind());
    }

    @Test
    void aConstraintOnAMissingFieldIsAnUnknownField() {
        RuleProject project = Fixtures.replaced(ESCALATION, "Signal( name == \"topic.fraud\"", "Signal( nme == \"topic.fraud\"");
        RuleProblem problem = only(project);
        assertEquals(Kind.UNKNOWN_FIELD, problem.kind());
        assertEquals(ESCALATION, problem.file());
        int[] field = Fixtures.placeOf(ESCALATION, "name == \"topic.fraud\"");
        assertEquals(field[0], problem.line());
        assertEquals(field[1], problem.column());
        assertTrue(problem.message().contains("'nme' of Signal") && problem.message().contains("name"), problem.message());
    }

    @Test
    void aCallOfAMissingMethodIsAnUnknownField() {
        RuleProject project = Fixtures.replaced(ESCALATION, "number(\"failedAttempts\") >= 2", "numeric(\"failedAttempts\") >= 2");
        RuleProblem problem = only(project);
        assertEquals(Kind.UNKNOWN_FIELD, problem.kind());
        assertTrue(problem.message().contains("'numeric' of Interaction"), problem.message());
    }

    @Test
    void escalatingToAQueueThePolicyDoesNotHaveIsAnUnknownQueue() {
        RuleProject project = Fixtures.replaced(ESCALATION, "decision.escalate(\"billing\"", "decision.escalate(\"biling\"");
        RuleProblem problem = only(project);
        assertEquals(Kind.UNKNOWN_QUEUE, problem.kind());
        assertEquals(ESCALATION, problem.file());
        int[] queue = Fixtures.placeOf(ESCALATION, "\"billing\", 70");
        assertEquals(queue[0], problem.line());
        assertEquals(queue[1], problem.column());
        assertTrue(problem.message().contains("'biling'") && problem.message().contains("billing"), problem.message());
    }

    @Test
    void aScenarioExpectingAQueueThePolicyDoesNotHaveIsAnUnknownQueue() {
        RuleProject project = Fixtures.replaced("scenarios/human-request.json", "\"queue\": \"general\"",
                "\"queue\": \"generel\"");
        RuleProblem problem = only(project);
        assertEquals(Kind.UNKNOWN_QUEUE, problem.kind());
        assertEquals("scenarios/human-request.json", problem.file());
        assertTrue(problem.line() > 1);
    }

    @Test
    void numericConditionsThatExcludeEachOtherMeanTheRuleCanNeverFire() {
        RuleProject project = Fixtures.withRules("""
                rule "impossible confidence"
                when
                    Interaction( aiConfidence > 0.8, aiConfidence < 0.3 )
                then
                    decision.escalate("general", 50, "never");
                end
                """);
        RuleProblem problem = only(project);
        assertEquals(Kind.CONTRADICTION, problem.kind());
        assertEquals(8, problem.line());
        assertTrue(problem.message().contains("'impossible confidence' can never fire"), problem.message());
        assertTrue(problem.message().contains("aiConfidence > 0.8 and aiConfidence < 0.3"), problem.message());
    }

    @Test
    void twoDifferentValuesForOneFieldMeanTheRuleCanNeverFire() {
        RuleProject project = Fixtures.replaced(ESCALATION, "Signal( name == \"topic.cancel\", value >= 0.7",
                "Signal( name == \"topic.cancel\" && name == \"topic.complaint\", value >= 0.7");
        assertEquals(Kind.CONTRADICTION, only(project).kind());
    }

    @Test
    void aFlagAndItsNegationMeanTheRuleCanNeverFire() {
        RuleProject project = Fixtures.replaced("drl/service-level.drl", "Decision( !human )", "Decision( !human, human )");
        assertEquals(Kind.CONTRADICTION, only(project).kind());
    }

    @Test
    void conditionsThatCanHoldTogetherAreNoContradiction() {
        RuleProject project = Fixtures.withRules("""
                rule "middling confidence"
                when
                    Interaction( aiConfidence >= 0.3, aiConfidence <= 0.3, customerTier != "gold" || customerTier == "gold" )
                then
                    decision.escalate("general", 50, "edge");
                end
                """);
        assertEquals(List.of(), validator.validate(project));
    }

    @Test
    void rulesWithoutTheDecisionGlobalAreReported() {
        RuleProject project = Fixtures.defaultProject();
        for (String file : project.drlFiles().keySet()) {
            project = project.withFile(file, project.drlFiles().get(file).replace("global Decision decision;", "")
                    .replace("decision.", "System.out.println(\"x\"); //"));
        }
        RuleProblem problem = only(project);
        assertEquals(Kind.DROOLS, problem.kind());
        assertTrue(problem.message().contains("global dev.tandem.api.rules.Decision decision"), problem.message());
    }

    @Test
    void anUnreadableScenarioFileIsReported() {
        RuleProject project = Fixtures.defaultProject().withFile("scenarios/broken.json", "[{\"name\": \"x\"");
        RuleProblem problem = only(project);
        assertEquals(Kind.SCENARIO, problem.kind());
        assertEquals("scenarios/broken.json", problem.file());
    }

    @Test
    void aProjectWithoutRuleFilesIsReported() {
        RuleProject empty = new RuleProject(Fixtures.DEFAULT_RULES, "rules.empty", "1.0.0", "empty",
                new java.util.TreeMap<>(), new java.util.TreeMap<>());
        assertEquals(Kind.PROJECT, only(empty).kind());
    }

    @Test
    void problemsReadAsCompilerMessages() {
        assertEquals("drl/a.drl:3:7: boom", new RuleProblem(Kind.DROOLS, "drl/a.drl", 3, 7, "boom").toString());
        assertEquals("drl/a.drl:3: boom", new RuleProblem(Kind.DROOLS, "drl/a.drl", 3, 0, "boom").toString());
        assertEquals("boom", new RuleProblem(Kind.PROJECT, null, 0, 0, "boom").toString());
    }

    private RuleProblem only(RuleProject project) {
        List<RuleProblem> problems = validator.validate(project);
        assertEquals(1, problems.size(), "expected one problem, got " + problems);
        return problems.get(0);
    }
}
