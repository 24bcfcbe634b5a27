package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * In the real distribution the language bundle (OpenNLP's model embedded) starts and, when the channel does not
 * state the language, the decision takes the detected one and the person route asks for an agent who speaks it.
 */
class LanguageDetectionTest extends OneEngineForTheClass {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "I need to speak with a real person right now,          en, english",
        "saya mau bicara dengan manusia sekarang juga,          id, indonesian",
        "我要找人工客服,                                          zh, chinese",
    })
    void aPersonRouteAsksForTheDetectedLanguage(String text, String language, String skill) throws Exception {
        ObjectNode interaction = RunningEngine.JSON.createObjectNode();
        interaction.put("interactionId", "language-" + language);
        interaction.put("channel", "chat");
        interaction.putArray("messages").addObject().put("from", "customer").put("text", text);

        RunningEngine.Response response = engine.postJson("/api/v1/decisions", interaction.toString());

        assertEquals(200, response.status(), response.body());
        JsonNode decision = response.json();
        assertEquals("HUMAN", decision.path("route").asText(), decision::toString);
        assertEquals(language, decision.path("language").asText(), decision::toString);
        assertTrue(decision.path("skills").toString().contains("\"" + skill + "\""), decision::toString);
    }
}
