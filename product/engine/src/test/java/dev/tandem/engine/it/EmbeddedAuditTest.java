package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tandem.audit.internal.AuditCli;

/** Without configuration the audit trail is an H2 file in the data folder that the CLI reads while the engine runs. */
class EmbeddedAuditTest {
    @TempDir
    Path data;

    @Test
    void decisionsGoToTheDataFolderAndTheCliReadsThemBesideTheEngine() throws Exception {
        try (RunningEngine engine = RunningEngine.start(data)) {
            JsonNode decision = engine.decide(RuleBundles.interaction("e-1", "I want to talk to a real person", "{}"));
            JsonNode record = awaitRecord(engine, decision.path("decisionId").asText());

            assertEquals(decision.path("firedRules"), record.path("firedRules"));
            assertTrue(Files.exists(data.resolve("audit").resolve("audit.mv.db")));
            assertTrue(engine.get("/api/v1/health").json().path("audit").path("database").asText().startsWith("jdbc:h2:file:"));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            int exit = AuditCli.run(new String[] {"export", "--from", "2000-01-01", "--to", "2100-01-01", "--format",
                    "jsonl", "--data", data.toString()}, print, print);
            assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains(decision.path("decisionId").asText()));
        }
    }

    private static JsonNode awaitRecord(RunningEngine engine, String decisionId) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            RunningEngine.Response response = engine.get("/api/v1/decisions/" + decisionId);
            if (response.status() == 200) {
                return response.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("decision " + decisionId + " was not recorded within 10 s");
    }
}
