package dev.tandem.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tandem.api.Reason;
import dev.tandem.api.Route;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.RulesetRef;

class DecisionJsonTest {

    @Test
    void writesTheDesignShape() {
        RoutingDecision decision = new RoutingDecision("d-1", "c-123", Route.HUMAN, "general", 80, List.of("english"),
                "en", List.of(new Reason("customer asks for a human", "human-request 0.97")),
                Map.of("intent", "contact_human_agent", "humanRequest", 0.97),
                new RulesetRef("rules.escalation-default", "1.0.3"), List.of("customer asks for a human"), null, 412);

        assertEquals("""
                {"decisionId":"d-1","interactionId":"c-123","route":"HUMAN","queue":"general","priority":80,\
                "skills":["english"],"language":"en",\
                "reasons":[{"rule":"customer asks for a human","detail":"human-request 0.97"}],\
                "signals":{"humanRequest":0.97,"intent":"contact_human_agent"},\
                "ruleset":{"name":"rules.escalation-default","version":"1.0.3"},\
                "firedRules":["customer asks for a human"],"latencyMicros":412}""",
                new String(DecisionJson.write(decision), UTF_8));
    }

    @Test
    void writesAFailSafeDecisionWithoutRuleset() {
        RoutingDecision decision = new RoutingDecision("d-2", "c-9", Route.HUMAN, "general", 50, List.of(), null,
                List.of(new Reason("fail-safe", "no active ruleset")), Map.of(), null, List.of(), "no active ruleset", 7);

        ObjectNode json = DecisionJson.toTree(decision);

        assertEquals(json.toString(), new String(DecisionJson.write(decision), UTF_8), "streamed as the tree reads");
        assertTrue(json.get("ruleset").isNull());
        assertTrue(json.get("language").isNull());
        assertEquals("no active ruleset", json.get("failSafe").textValue());
        assertEquals(List.of("decisionId", "interactionId", "route", "queue", "priority", "skills", "language",
                "reasons", "signals", "ruleset", "firedRules", "failSafe", "latencyMicros"), names(json));
    }

    @Test
    void writesAnAiDecisionWithNullQueueAndNoFailSafe() {
        RoutingDecision decision = new RoutingDecision("d-3", "c-1", Route.AI, null, 0, List.of(), "zh",
                List.of(), Map.of("topic.fraud", 0.0, "weird", new Object() {
                    @Override
                    public String toString() {
                        return "opaque";
                    }
                }), new RulesetRef("r", "1.0.0"), List.of("a", "b"), null, 3);

        ObjectNode json = DecisionJson.toTree(decision);

        assertEquals(json.toString(), new String(DecisionJson.write(decision), UTF_8), "streamed as the tree reads");
        assertEquals("AI", json.get("route").textValue());
        assertTrue(json.get("queue").isNull());
        assertEquals(0, json.get("priority").intValue());
        assertFalse(json.has("failSafe"));
        assertEquals("opaque", json.get("signals").get("weird").textValue());
        assertEquals(0.0, json.get("signals").get("topic.fraud").doubleValue());
        assertEquals("[\"a\",\"b\"]", json.get("firedRules").toString());
    }

    private static List<String> names(ObjectNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
