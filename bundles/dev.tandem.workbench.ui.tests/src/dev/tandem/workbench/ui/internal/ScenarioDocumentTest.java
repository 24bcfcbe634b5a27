package dev.tandem.workbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.json.Scenario;

class ScenarioDocumentTest {
    private static final String ONE = """
            {"name": "a customer asks for a person",
             "interaction": {"interactionId": "s-1", "messages": [{"from": "customer", "text": "a person please"}],
                             "attributes": {"failedAttempts": 2}},
             "signals": {"humanRequest": 0.95, "language": "en"},
             "expect": {"route": "HUMAN", "queue": "general"}}
            """;

    @Test
    void oneScenarioStaysAnObjectAndKeepsWhatTheFormDoesNotShow() throws Exception {
        ScenarioDocument document = ScenarioDocument.parse(ONE);
        assertEquals(List.of("a customer asks for a person"), document.names());
        String json = document.toJson();
        assertTrue(json.startsWith("{"), json);
        assertTrue(json.contains("\"failedAttempts\": 2"), json);
        assertEquals(1, Scenario.parse("a.json", json.getBytes(StandardCharsets.UTF_8)).size());
    }

    @Test
    void anAddedScenarioMakesAnArrayThatTheEngineReads() throws Exception {
        ScenarioDocument document = ScenarioDocument.parse(ONE);
        document.add();
        String json = document.toJson();
        assertTrue(json.startsWith("["), json);
        assertEquals(2, Scenario.parse("a.json", json.getBytes(StandardCharsets.UTF_8)).size());
        assertEquals("", ScenarioDocument.problem("a.json", json));
    }

    @Test
    void textThatIsNotAScenarioFileIsRefusedWithAReason() {
        assertThrows(IOException.class, () -> ScenarioDocument.parse("[1, 2]"));
        assertThrows(IOException.class, () -> ScenarioDocument.parse("{\"name\": "));
        assertTrue(ScenarioDocument.problem("a.json", "{\"name\": \"x\"}").contains("expect"));
    }

    @Test
    void messagesAndSignalsReadAndWriteAsLines() throws Exception {
        var messages = ScenarioDocument.messages("customer: hello: there\nagent: hi\n\nno sender");
        assertEquals("customer: hello: there\nagent: hi\ncustomer: no sender", ScenarioDocument.messagesText(messages));
        var signals = ScenarioDocument.signals("humanRequest = 0.9\nlanguage = zh\nnot a signal");
        assertEquals(0.9, signals.get("humanRequest").doubleValue());
        assertEquals("zh", signals.get("language").textValue());
        assertEquals("humanRequest = 0.9\nlanguage = zh", ScenarioDocument.signalsText(signals));
        assertEquals("english, chinese",
                ScenarioDocument.linesText(ScenarioDocument.lines("english, chinese,", ","), ", "));
    }
}
