package dev.tandem.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tandem.workbench.core.internal.Cli;

class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void validatingTheDefaultRulesFindsNothing() {
        assertEquals(Cli.OK, run("validate", Fixtures.DEFAULT_RULES.toString()));
        assertEquals("", out());
    }

    @Test
    void validationProblemsExitWithOneAndPointAtTheirPlace(@TempDir Path folder) throws IOException {
        Path project = Fixtures.copyOfDefault(folder);
        Fixtures.edit(project, Fixtures.ESCALATION, "decision.escalate(\"billing\"", "decision.escalate(\"biling\"");
        assertEquals(Cli.PROBLEMS, run("validate", project.toString()));
        int[] queue = Fixtures.placeOf(Fixtures.ESCALATION, "\"billing\", 70");
        assertEquals(project.resolve(Fixtures.ESCALATION) + ":" + queue[0] + ":" + queue[1] + ": unknown queue 'biling': the queues are "
                + "security, billing, complaints, retention, technical, care, general", out().strip());
    }

    @Test
    void passingScenariosExitWithZero() {
        assertEquals(Cli.OK, run("test", Fixtures.DEFAULT_RULES.toString()));
        assertTrue(err().contains(" 0 failed"), err());
    }

    @Test
    void aFailingScenarioExitsWithOne(@TempDir Path folder) throws IOException {
        Path project = Fixtures.copyOfDefault(folder);
        Fixtures.edit(project, Fixtures.ESCALATION, "decision.escalate(\"general\", 80,", "decision.escalate(\"general\", 40,");
        assertEquals(Cli.PROBLEMS, run("test", project.toString()));
        int line = Fixtures.placeOf("scenarios/human-request.json", "\"a customer asking for a person")[0];
        assertTrue(out().contains(project.resolve("scenarios/human-request.json") + ":" + line + ": scenario '"), out());
        assertTrue(err().contains("FAIL  a customer asking for a person is sent to the general queue"), err());
    }

    @Test
    void packageWritesTheJarIntoTheOutFolder(@TempDir Path folder) {
        assertEquals(Cli.OK, run("package", Fixtures.DEFAULT_RULES.toString(), "--out", folder.toString()));
        assertTrue(Files.isRegularFile(folder.resolve("rules.escalation-default-1.0.0.jar")));
    }

    @Test
    void packageRefusesAProjectWithProblems(@TempDir Path folder) throws IOException {
        Path project = Fixtures.copyOfDefault(folder.resolve("p"));
        Fixtures.edit(project, Fixtures.ESCALATION, "then", "than");
        assertEquals(Cli.PROBLEMS, run("package", project.toString(), "--out", folder.toString()));
        assertTrue(Files.notExists(folder.resolve("rules.escalation-default-1.0.0.jar")));
    }

    @Test
    void deployingToAnEngineThatDoesNotAnswerExitsWithOne() throws IOException {
        String nobody = "http://127.0.0.1:" + unusedPort();
        assertEquals(Cli.PROBLEMS, run("deploy", Fixtures.DEFAULT_RULES.toString(), "--engine", nobody));
        assertTrue(err().contains("no answer from the engine at " + nobody), err());
    }

    @Test
    void theEngineComesFromTheEnvironmentWhenNotGiven() throws IOException {
        int port = unusedPort();
        Cli cli = new Cli(stream(out), stream(err), Map.of("TANDEM_PORT", String.valueOf(port)));
        assertEquals(Cli.PROBLEMS, cli.run("rollback", Fixtures.DEFAULT_RULES.toString()));
        assertTrue(err().contains("http://localhost:" + port), err());
    }

    @Test
    void usageErrorsExitWithTwo(@TempDir Path folder) {
        assertEquals(Cli.USAGE, run());
        assertEquals(Cli.USAGE, run("validate"));
        assertEquals(Cli.USAGE, run("lint", Fixtures.DEFAULT_RULES.toString()));
        assertEquals(Cli.USAGE, run("validate", folder.resolve("missing").toString()));
        assertEquals(Cli.USAGE, run("validate", Fixtures.DEFAULT_RULES.toString(), "--verbose"));
        assertEquals(Cli.USAGE, run("deploy", Fixtures.DEFAULT_RULES.toString(), "--engine"));
        assertEquals(Cli.USAGE, run("deploy", Fixtures.DEFAULT_RULES.toString(), "--engine", "localhost"));
        assertTrue(err().contains("usage: tandem rules"), err());
    }

    private int run(String... args) {
        return new Cli(stream(out), stream(err), Map.of()).run(args);
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
