package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tandem.launcher.Engine;

/**
 * With fourEyes switched on in Config Admin (while the engine runs), a deploy waits as PENDING until a second
 * user with the deploy permission approves it; the one who asked cannot, nor can a reader.
 */
class FourEyesTest {
    static final String ASKS_FOR_HUMAN = RuleBundles.interaction("fe-1", "I want to talk to a real person", "{}");

    @TempDir
    Path data;

    @Test
    void aDeployWaitsForASecondUsersApproval() throws Exception {
        try (RunningEngine engine = RunningEngine.start(data)) {
            switchFourEyesOn(engine);
            byte[] jar = RuleBundles.defaultRules("1.0.7").jar();

            RunningEngine.Response pending = awaitPending(engine, jar);
            assertEquals("PENDING", pending.json().path("state").asText(), pending.body());
            assertEquals("alice", pending.json().path("requestedBy").asText());
            String approve = "/api/v1/rulesets/rules.escalation-default/1.0.7/approve";
            assertEquals(approve, pending.json().path("approve").asText());
            assertEquals("1.0.0", activeVersion(engine), "nothing changes before the approval");

            assertEquals(403, engine.post(approve, "alice").status(), "not by the one who asked");
            RunningEngine.Response reader = engine.send("POST", approve, engine.token("auditor"), null, null);
            assertEquals(403, reader.status(), reader.body());
            assertEquals("1.0.0", activeVersion(engine));

            RunningEngine.Response approved = engine.post(approve, "bob");
            assertEquals(201, approved.status(), approved.body());
            assertEquals("alice, approved by bob", approved.json().path("deployedBy").asText());
            assertEquals("1.0.7", engine.decide(ASKS_FOR_HUMAN).path("ruleset").path("version").asText());
            assertEquals(404, engine.post(approve, "bob").status(), "approved once");
        }
    }

    private static void switchFourEyesOn(RunningEngine engine) throws Exception {
        Path config = engine.dataFolder().resolve(Engine.CONFIG_FOLDER).resolve(RunningEngine.AUTH_CONFIG);
        Files.writeString(config, Files.readString(config) + "fourEyes=B\"true\"\n");
    }

    /** File Install polls the config folder: the first deploys may still go straight through, so use new versions. */
    private static RunningEngine.Response awaitPending(RunningEngine engine, byte[] jar) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            RunningEngine.Response probe = engine.postJar(RuleBundles.bundle("rules.probe", "1.0.0").jar(), "deployer");
            if (probe.status() == 202) {
                break;
            }
            assertTrue(probe.status() == 422, probe.body()); // refused by the engine: no four eyes yet
            Thread.sleep(250);
        }
        return engine.postJar(jar, "alice");
    }

    private static String activeVersion(RunningEngine engine) throws Exception {
        for (JsonNode ruleset : engine.get("/api/v1/rulesets/rules.escalation-default").json()) {
            if (ruleset.path("state").asText().equals("ACTIVE")) {
                return ruleset.path("version").asText();
            }
        }
        return null;
    }
}
