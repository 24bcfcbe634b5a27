package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/** A client's mistakes answer 4xx with a problem naming the mistake, never 500; the contract's shapes hold. */
class HttpContractTest extends OneEngineForTheClass {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON           | {"interactionId":                                                     | 400 |
            not an object            | [1,2]                                                                 | 400 |
            missing interactionId    | {"messages":[{"from":"customer","text":"hi"}]}                         | 400 | interactionId
            missing messages         | {"interactionId":"c"}                                                  | 400 | messages
            text of wrong type       | {"interactionId":"c","messages":[{"from":"customer","text":42}]}       | 400 | messages[0].text
            confidence out of range  | {"interactionId":"c","messages":[{"from":"customer","text":"x"}],"aiConfidence":7} | 400 | aiConfidence
            unknown field            | {"interactionId":"c","messages":[{"from":"customer","text":"x"}],"mood":1} | 400 | mood
            """)
    void badInteractionsAreProblemsNamingTheField(String name, String body, int status, String field) throws Exception {
        RunningEngine.Response response = engine.postJson("/api/v1/decisions", body);

        assertEquals(status, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        JsonNode problem = response.json();
        assertEquals(status, problem.path("status").asInt());
        if (field != null) {
            assertEquals(field, problem.path("field").asText(), problem::toString);
        }
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        String huge = "{\"interactionId\":\"c\",\"messages\":[{\"from\":\"customer\",\"text\":\"" + "a".repeat(2_000_000) + "\"}]}";
        RunningEngine.Response response = engine.postJsonAlone("/api/v1/decisions", huge);

        assertEquals(413, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"));
    }

    @Test
    void rollingBackAnUnknownRulesetIs404AndTheOnlyVersionIs409() throws Exception {
        RunningEngine.Response unknown = engine.post("/api/v1/rulesets/rules.nope/rollback");
        assertEquals(404, unknown.status(), unknown.body());
        assertTrue(unknown.contentType().startsWith("application/problem+json"));

        RunningEngine.Response onlyOne = engine.post("/api/v1/rulesets/rules.escalation-default/rollback");
        assertEquals(409, onlyOne.status(), onlyOne.body());
        assertTrue(onlyOne.body().contains("nothing to roll back to"), onlyOne.body());
    }

    @Test
    void aDecisionHasTheShapeOfTheContract() throws Exception {
        JsonNode decision = engine.decide("""
                {"interactionId":"c-123","channel":"chat","language":"en","customer":{"id":"u-9","tier":"gold"},
                 "messages":[{"from":"customer","text":"I want to talk to a real person"}],
                 "aiConfidence":0.41,"attributes":{"failedAttempts":2}}
                """);

        assertTrue(decision.path("decisionId").asText().length() > 10);
        assertEquals("c-123", decision.path("interactionId").asText());
        assertEquals("HUMAN", decision.path("route").asText());
        assertEquals("general", decision.path("queue").asText());
        assertEquals(90, decision.path("priority").asInt(), "80 for the request, +10 for gold");
        assertEquals("english", decision.path("skills").get(0).asText());
        assertEquals("en", decision.path("language").asText());
        assertEquals("customer asks for a human", decision.path("reasons").get(0).path("rule").asText());
        assertTrue(decision.path("signals").path("humanRequest").asDouble() >= 0.7);
        assertEquals("rules.escalation-default", decision.path("ruleset").path("name").asText());
    }

    @Test
    void healthNamesTheActiveRulesetAndTheDetectors() throws Exception {
        JsonNode health = engine.get("/api/v1/health").json();

        assertEquals("UP", health.path("status").asText());
        assertEquals("rules.escalation-default", health.path("rulesets").get(0).path("name").asText());
        assertTrue(health.path("detectors").toString().contains("lexicon"), health::toString);
    }
}
