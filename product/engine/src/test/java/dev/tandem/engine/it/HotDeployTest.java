package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** Deploy a changed ruleset over HTTP, see the routing change, roll back, restart: the active version survives. */
class HotDeployTest {
    private static final String STUCK_CUSTOMER = """
            {"interactionId":"c-stuck","channel":"chat","language":"en","customer":{"id":"u-9","tier":"standard"},
             "messages":[{"from":"customer","text":"that is not what I asked"}],
             "aiConfidence":0.2,"attributes":{"failedAttempts":3}}
            """;

    @TempDir
    Path data;

    @Test
    void deployChangesRoutingRollbackRestoresItAndRestartKeepsTheActiveVersion() throws Exception {
        try (RunningEngine engine = RunningEngine.start(data)) {
            JsonNode v1 = engine.decide(STUCK_CUSTOMER);
            assertDecidedBy(v1, "1.0.0");
            assertEquals("general", v1.path("queue").asText());

            RunningEngine.Response deployed = engine.postJar(stuckCustomersGoToTechnical("1.0.1"), "alice");
            assertEquals(201, deployed.status(), deployed.body());
            assertEquals("ACTIVE", deployed.json().path("state").asText());
            assertEquals("alice", deployed.json().path("deployedBy").asText());

            JsonNode v2 = engine.decide(STUCK_CUSTOMER);
            assertDecidedBy(v2, "1.0.1");
            assertEquals("technical", v2.path("queue").asText(), "v2 changed the rule");

            JsonNode listed = engine.get("/api/v1/rulesets").json();
            assertEquals("STANDBY", stateOf(listed, "1.0.0"));
            assertEquals("ACTIVE", stateOf(listed, "1.0.1"));

            RunningEngine.Response rolledBack = engine.post("/api/v1/rulesets/rules.escalation-default/rollback");
            assertEquals(200, rolledBack.status(), rolledBack.body());
            assertEquals("1.0.0", rolledBack.json().path("version").asText());
            JsonNode afterRollback = engine.decide(STUCK_CUSTOMER);
            assertDecidedBy(afterRollback, "1.0.0");
            assertEquals("general", afterRollback.path("queue").asText());

            assertEquals(201, engine.postJar(stuckCustomersGoToTechnical("1.0.2"), "bob").status());
            engine.restart();
            JsonNode afterRestart = engine.decide(STUCK_CUSTOMER);
            assertDecidedBy(afterRestart, "1.0.2");
            assertEquals("technical", afterRestart.path("queue").asText());
            assertEquals("STANDBY", stateOf(engine.get("/api/v1/rulesets").json(), "1.0.0"),
                    "the previous version is back on standby after a restart");
        }
    }

    private static byte[] stuckCustomersGoToTechnical(String version) throws Exception {
        return RuleBundles.defaultRules(version)
                .replace("drl/escalation.drl", "decision.escalate(\"general\", 60,", "decision.escalate(\"technical\", 60,")
                .replace("scenarios/service-level.json", "\"queue\": \"general\",\n      \"priority\": 60",
                        "\"queue\": \"technical\",\n      \"priority\": 60")
                .jar();
    }

    static void assertDecidedBy(JsonNode decision, String version) {
        assertEquals("rules.escalation-default", decision.path("ruleset").path("name").asText());
        assertEquals(version, decision.path("ruleset").path("version").asText());
        assertFalse(decision.has("failSafe"), () -> "unexpected fail-safe: " + decision);
        assertTrue(decision.path("reasons").size() > 0, "a decision explains itself");
    }

    private static String stateOf(JsonNode rulesets, String version) {
        for (JsonNode ruleset : rulesets) {
            if (ruleset.path("name").asText().equals("rules.escalation-default")
                    && ruleset.path("version").asText().equals(version)) {
                return ruleset.path("state").asText();
            }
        }
        return "absent";
    }
}
