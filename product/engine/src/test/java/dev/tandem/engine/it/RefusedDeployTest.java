package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Broken rule bundles are refused with every problem listed, and the active version keeps answering. */
class RefusedDeployTest extends OneEngineForTheClass {
    private static final String ASKS_FOR_HUMAN = RuleBundles.interaction("c-1", "I want to talk to a real person", "{}");

    @Test
    void aDrlSyntaxErrorIsRefusedWithFileAndLine() throws Exception {
        byte[] broken = RuleBundles.defaultRules("1.1.0")
                .replace("drl/escalation.drl", "rule \"complaints go to the complaints team\"\nwhen",
                        "rule \"complaints go to the complaints team\"\nwhen\n    Signal( name == )")
                .jar();
        RunningEngine.Response response = engine.postJar(broken, "mallory");

        assertEquals(422, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        JsonNode problem = response.json().path("problems").get(0);
        assertEquals("drl/escalation.drl", problem.path("file").asText());
        assertTrue(problem.path("line").asInt() > 40, () -> "line of the broken constraint: " + problem);
        assertStillDecidingWithVersion("1.0.0");
    }

    @Test
    void aFailingScenarioIsRefusedNamingTheScenario() throws Exception {
        byte[] wrong = RuleBundles.defaultRules("1.2.0")
                .replace("drl/escalation.drl", "decision.escalate(\"care\", 85, \"topic.bereavement",
                        "decision.escalate(\"general\", 85, \"topic.bereavement")
                .jar();
        RunningEngine.Response response = engine.postJar(wrong, "mallory");

        assertEquals(422, response.status(), response.body());
        JsonNode problems = response.json().path("problems");
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("scenarios/sensitive-topics.json", problems.get(0).path("file").asText());
        assertTrue(problems.get(0).path("message").asText().contains("topic.bereavement goes to care"), problems::toString);
        assertTrue(problems.get(0).path("message").asText().contains("expected queue care but was general"), problems::toString);
        assertStillDecidingWithVersion("1.0.0");
    }

    @Test
    void aBundleWithoutScenariosOrNotARuleBundleIsRefused() throws Exception {
        byte[] untested = RuleBundles.bundle("rules.untested", "1.0.0")
                .file("drl/a.drl", RuleBundles.HEADER + "rule \"r\" when Interaction() then decision.keepWithAi(\"x\"); end")
                .jar();
        RunningEngine.Response noScenarios = engine.postJar(untested, "mallory");
        assertEquals(422, noScenarios.status(), noScenarios.body());
        assertTrue(noScenarios.body().contains("no scenarios"), noScenarios.body());

        RunningEngine.Response notAJar = engine.postJar("just text".getBytes(), "mallory");
        assertEquals(422, notAJar.status(), notAJar.body());

        JsonNode listed = engine.get("/api/v1/rulesets").json();
        boolean failedListed = false;
        for (JsonNode ruleset : listed) {
            failedListed |= ruleset.path("name").asText().equals("rules.untested")
                    && ruleset.path("state").asText().equals("FAILED");
        }
        assertTrue(failedListed, () -> "refused deployments are listed as FAILED: " + listed);
    }

    private static void assertStillDecidingWithVersion(String version) throws Exception {
        JsonNode decision = engine.decide(ASKS_FOR_HUMAN);
        HotDeployTest.assertDecidedBy(decision, version);
        assertEquals("HUMAN", decision.path("route").asText());
        assertEquals("general", decision.path("queue").asText());
    }
}
