package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** When the rules cannot decide, a human does: a throwing rule, a runaway rule, a slow rule, no ruleset. */
class FailSafeTest extends OneEngineForTheClass {
    private static final String RULESET = "rules.traps";
    /** The router's default time budget. */
    private static final long BUDGET_MICROS = 100_000;

    @BeforeAll
    static void deployTheRulesets() throws Exception {
        String drl = RuleBundles.HEADER + """
                rule "a rule that throws"
                when
                    Interaction( text("trap") == "throw" )
                then
                    throw new IllegalStateException("boom");
                end

                rule "a rule that retriggers itself forever"
                when
                    $i : Interaction( text("trap") == "loop" )
                then
                    update($i);
                end

                rule "a slow rule that retriggers itself"
                when
                    $i : Interaction( text("trap") == "slow" )
                then
                    java.math.BigInteger.valueOf(7).pow(3000).toString();
                    update($i);
                end

                rule "everything else stays with the AI assistant"
                when
                    Decision( !human )
                then
                    decision.keepWithAi("no trap");
                end
                """;
        String scenario = """
                {"name":"no trap, no problem","interaction":{"interactionId":"s","messages":[{"from":"customer","text":"hi"}]},
                 "signals":{},"expect":{"route":"AI"}}
                """;
        byte[] jar = RuleBundles.bundle(RULESET, "1.0.0").file("drl/traps.drl", drl)
                .file("scenarios/traps.json", scenario).jar();
        RunningEngine.Response deployed = engine.postJar(jar, "tester");
        assertEquals(201, deployed.status(), deployed.body());
    }

    @Test
    void aRuleThatThrowsFailsSafeNamingTheRule() throws Exception {
        JsonNode decision = trap("throw");
        assertFailSafe(decision);
        assertTrue(decision.path("failSafe").asText().contains("rule 'a rule that throws' failed"), decision::toString);
        assertTrue(decision.path("failSafe").asText().contains("boom"), decision::toString);
    }

    @Test
    void aRunawayRuleIsStoppedByTheFiringLimit() throws Exception {
        JsonNode decision = trap("loop");
        assertFailSafe(decision);
        assertTrue(decision.path("failSafe").asText().contains("more than 1000 rule firings"), decision::toString);
        assertTrue(decision.path("latencyMicros").asLong() < BUDGET_MICROS * 5, decision::toString);
    }

    @Test
    void aSlowRuleIsStoppedByTheTimeBudget() throws Exception {
        JsonNode decision = trap("slow");
        assertFailSafe(decision);
        assertTrue(decision.path("failSafe").asText().contains("time budget of 100 ms exceeded"), decision::toString);
        assertTrue(decision.path("latencyMicros").asLong() < BUDGET_MICROS + 100_000, decision::toString);
    }

    @Test
    void noActiveRulesetFailsSafe() throws Exception {
        JsonNode decision = engine.decide(RuleBundles.interaction("c-none", "hello", "{\"ruleset\":\"rules.absent\"}"));
        assertFailSafe(decision);
        assertEquals("no active ruleset", decision.path("failSafe").asText());
    }

    @Test
    void theEngineKeepsServingAfterTraps() throws Exception {
        trap("loop");
        trap("throw");
        JsonNode normal = trap("none");
        assertEquals("AI", normal.path("route").asText(), normal::toString);
        assertTrue(!normal.has("failSafe"), normal::toString);
        JsonNode defaultRules = engine.decide(RuleBundles.interaction("c-d", "I want to talk to a real person", "{}"));
        assertEquals("rules.escalation-default", defaultRules.path("ruleset").path("name").asText());
    }

    private static JsonNode trap(String trap) throws Exception {
        return engine.decide(RuleBundles.interaction("c-" + trap, "hello",
                "{\"ruleset\":\"" + RULESET + "\",\"trap\":\"" + trap + "\"}"));
    }

    private static void assertFailSafe(JsonNode decision) {
        assertEquals("HUMAN", decision.path("route").asText(), decision::toString);
        assertEquals("general", decision.path("queue").asText(), decision::toString);
        assertTrue(decision.has("failSafe"), decision::toString);
        assertTrue(decision.path("reasons").get(0).path("detail").asText().equals(decision.path("failSafe").asText()));
    }
}
