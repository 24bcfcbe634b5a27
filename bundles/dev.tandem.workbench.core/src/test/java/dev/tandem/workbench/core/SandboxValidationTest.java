package dev.tandem.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tandem.api.Customer;
import dev.tandem.api.Interaction;
import dev.tandem.api.Message;
import dev.tandem.rules.sandbox.HostileRules;
import dev.tandem.workbench.core.RuleProblem.Kind;
import dev.tandem.workbench.core.internal.Cli;

/** Validation refuses rule code that leaves the sandbox, naming the rule, the offending call and where it is. */
class SandboxValidationTest {
    private static final String DRL = "drl/hostile.drl";

    @TempDir
    Path folder;

    static List<HostileRules.Case> hostile() {
        return HostileRules.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void everyHostileProjectIsRefusedNamingItsRuleAndTheOffendingCall(HostileRules.Case hostile) throws IOException {
        List<RuleProblem> problems = new RuleValidator().validate(RuleProject.load(project(hostile)));

        assertFalse(problems.isEmpty(), "not refused");
        assertTrue(problems.stream().anyMatch(p -> p.message().contains(hostile.culprit())
                && p.message().contains(hostile.offending())), problems::toString);
    }

    @Test
    void aViolationIsAProblemAtTheFileLineAndColumnOfTheCall() throws IOException {
        HostileRules.Case exits = hostile().stream().filter(c -> c.culprit().equals("rule 'exits'")).findFirst()
                .orElseThrow();
        RuleProblem problem = new RuleValidator().validate(RuleProject.load(project(exits))).get(0);

        assertEquals(Kind.SANDBOX, problem.kind());
        assertEquals(DRL + ":" + (HostileRules.Case.headerLines() + 3) + ":13: rule 'exits' calls java.lang.System.exit:"
                + " process and system control is not allowed in rules", problem.toString());
    }

    @Test
    void scenariosAndTryItNeverRunCodeThatLeavesTheSandbox() {
        RuleProject project = Fixtures.withRules("""
                rule "escapes"
                when Interaction()
                then System.setProperty("tandem.sandbox.escaped", "yes");
                end
                """);
        TestReport report = new ScenarioTester().test(project);

        assertTrue(report.results().isEmpty(), report::toString);
        assertTrue(report.allProblems().stream().anyMatch(p -> p.kind() == Kind.SANDBOX
                && p.message().contains("rule 'escapes' calls java.lang.System.setProperty")), report::toString);
        RulesDoNotBuildException refused = assertThrows(RulesDoNotBuildException.class,
                () -> new ScenarioTester().tryIt(project, new Interaction("t-1", "chat", "en",
                        new Customer("u-1", "standard"), List.of(new Message("customer", "hi")), 0.9, Map.of()),
                        List.of()));
        assertTrue(refused.problems().toString().contains("java.lang.System.setProperty"), refused::toString);
        assertEquals(null, System.getProperty("tandem.sandbox.escaped"));
    }

    @Test
    void theDefaultProjectHasNoSandboxProblem() {
        assertEquals(List.of(), new RuleValidator().validate(Fixtures.defaultProject()));
    }

    @Test
    void theCliFailsOnAHostileProject() throws IOException {
        HostileRules.Case exits = hostile().get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = new Cli(print, new PrintStream(new ByteArrayOutputStream()), Map.of())
                .run("validate", project(exits).toString());

        assertEquals(Cli.PROBLEMS, exit);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("rule 'exits' calls java.lang.System.exit"), out::toString);
    }

    private Path project(HostileRules.Case hostile) throws IOException {
        Files.createDirectories(folder.resolve("drl"));
        Files.writeString(folder.resolve(DRL), hostile.drl());
        for (Map.Entry<String, byte[]> helper : hostile.classes().entrySet()) {
            Path file = folder.resolve("classes").resolve(helper.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, helper.getValue());
        }
        return folder;
    }
}
