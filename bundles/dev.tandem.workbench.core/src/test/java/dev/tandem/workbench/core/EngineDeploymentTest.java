package dev.tandem.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.tandem.api.RulesetInfo;
import dev.tandem.api.RulesetState;
import dev.tandem.workbench.core.internal.Cli;

/** Packaged rule bundles go live in a real engine, and come back off it, through the client and the CLI. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineDeploymentTest {
    private static final String NAME = "rules.escalation-default";
    @TempDir
    static Path data;
    private static LiveEngine engine;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = LiveEngine.start(data.resolve("engine"));
    }

    @AfterAll
    static void stopEngine() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    @Order(1)
    void aPackagedProjectDeploysAndBecomesActive() throws Exception {
        byte[] jar = new RuleBundlePackager().build(Fixtures.defaultProject().withVersion("1.0.1"));
        RulesetInfo active = engine.client().deploy(jar);
        assertEquals(NAME, active.name());
        assertEquals("1.0.1", active.version());
        assertEquals(RulesetState.ACTIVE, active.state());
        assertEquals("analyst-under-test", active.deployedBy());
        assertEquals("1.0.1", activeVersion());
    }

    @Test
    @Order(2)
    void aBundleWhoseScenariosFailIsRefusedWithTheEnginesProblems() throws Exception {
        RuleProject broken = Fixtures.replaced(Fixtures.ESCALATION, "decision.escalate(\"general\", 80,",
                "decision.escalate(\"general\", 40,").withVersion("1.0.2");
        EngineException refused = assertThrows(EngineException.class,
                () -> engine.client().deploy(new RuleBundlePackager().build(broken)));
        assertEquals(422, refused.status());
        assertTrue(refused.problems().stream().anyMatch(p -> p.kind() == RuleProblem.Kind.SCENARIO
                && p.message().contains("expected priority 80 but was 40")), refused.problems().toString());
        assertEquals("1.0.1", activeVersion());
    }

    @Test
    @Order(3)
    void rollbackMakesThePreviousVersionActiveAgain() throws Exception {
        RulesetInfo active = engine.client().rollback(NAME);
        assertEquals("1.0.0", active.version());
        assertEquals("1.0.0", activeVersion());
    }

    @Test
    @Order(4)
    void theCliDeploysAndRollsBackWithExitCodeZero(@TempDir Path folder) throws Exception {
        Path project = Fixtures.copyOfDefault(folder);
        Fixtures.edit(project, "pom.xml", "<version>1.0.0</version>", "<version>1.0.3</version>");
        assertEquals(Cli.OK, cli("deploy", project.toString(), "--engine", engine.uri().toString(),
                "--token", engine.deployerToken()));
        assertEquals("1.0.3", activeVersion());
        assertEquals(Cli.OK, cli("rollback", project.toString(), "--engine", engine.uri().toString(),
                "--token", engine.deployerToken()));
        assertEquals("1.0.0", activeVersion());
    }

    @Test
    @Order(5)
    void theCliSaysOneWhenThereIsNothingToRollBackTo(@TempDir Path folder) throws Exception {
        Path project = Fixtures.copyOfDefault(folder);
        Fixtures.edit(project, "pom.xml", "<artifactId>rules.escalation-default</artifactId>",
                "<artifactId>rules.never-deployed</artifactId>");
        assertEquals(Cli.PROBLEMS, cli("rollback", project.toString(), "--engine", engine.uri().toString(),
                "--token", engine.deployerToken()));
    }

    @Test
    @Order(6)
    void withoutATokenTheEngineAnswers401AndWithTheWrongRole403() throws Exception {
        byte[] jar = new RuleBundlePackager().build(Fixtures.defaultProject().withVersion("1.0.4"));
        EngineException anonymous = assertThrows(EngineException.class,
                () -> new EngineClient(engine.uri(), " ").deploy(jar));
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.getMessage().contains("give a token"), anonymous.getMessage());

        EngineClient reader = new EngineClient(engine.uri(), LiveEngine.READER_TOKEN);
        assertEquals("1.0.0", reader.rulesets().stream().filter(r -> r.state() == RulesetState.ACTIVE)
                .map(RulesetInfo::version).findFirst().orElseThrow());
        EngineException forbidden = assertThrows(EngineException.class, () -> reader.rollback(NAME));
        assertEquals(403, forbidden.status());
        assertEquals("1.0.0", activeVersion());
    }

    @Test
    @Order(7)
    void theCliTakesItsTokenFromTheEnvironment(@TempDir Path folder) throws Exception {
        Path project = Fixtures.copyOfDefault(folder);
        Fixtures.edit(project, "pom.xml", "<version>1.0.0</version>", "<version>1.0.5</version>");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        // a local engine, but no admin.token in this data folder: no credentials
        assertEquals(Cli.PROBLEMS, new Cli(quiet, quiet, Map.of("TANDEM_DATA", folder.toString())).run("deploy",
                project.toString(), "--engine", engine.uri().toString()));
        assertEquals(Cli.OK, new Cli(quiet, quiet, Map.of("TANDEM_TOKEN", engine.deployerToken(), "TANDEM_ENGINE",
                engine.uri().toString())).run("deploy", project.toString()));
        assertEquals("1.0.5", activeVersion());
    }

    @Test
    @Order(8)
    void forAnEngineOnThisMachineTheCliReadsTheAdminTokenFromTheDataFolder(@TempDir Path folder) throws Exception {
        Path project = Fixtures.copyOfDefault(folder);
        Fixtures.edit(project, "pom.xml", "<version>1.0.0</version>", "<version>1.0.6</version>");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(Cli.OK, new Cli(quiet, quiet, Map.of("TANDEM_DATA", data.resolve("engine").toString()))
                .run("deploy", project.toString(), "--engine", engine.uri().toString()));
        assertEquals("admin", engine.client().rulesets().stream().filter(r -> r.version().equals("1.0.6"))
                .findFirst().orElseThrow().deployedBy());
    }

    private static String activeVersion() throws EngineException {
        return engine.client().rulesets().stream()
                .filter(r -> r.name().equals(NAME) && r.state() == RulesetState.ACTIVE)
                .map(RulesetInfo::version).findFirst().orElse(null);
    }

    private static int cli(String... args) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Cli(quiet, quiet, Map.of()).run(args);
    }
}
