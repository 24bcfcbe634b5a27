package dev.tandem.workbench.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tandem.json.Scenario;

/**
 * A scenario file as the scenario editor's form edits it: the JSON tree of its scenarios, written back
 * as indented JSON (one scenario object stays an object, several are an array), plus the line-per-item
 * text forms the form uses for messages, signals, skills and rules. Fields the form does not show
 * (attributes, say) are kept as they are.
 */
final class ScenarioDocument {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The layout of the files in {@code rules/}: two spaces, {@code "field": value}, one item a line. */
    private static final DefaultPrettyPrinter INDENTED = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));

    private final ArrayNode scenarios;
    private final boolean array;

    private ScenarioDocument(ArrayNode scenarios, boolean array) {
        this.scenarios = scenarios;
        this.array = array;
    }

    /** @throws IOException when the text is not JSON, or not a scenario object or an array of them */
    static ScenarioDocument parse(String text) throws IOException {
        JsonNode root = text.isBlank() ? MAPPER.createArrayNode() : MAPPER.readTree(text);
        if (root instanceof ObjectNode single) {
            ArrayNode one = MAPPER.createArrayNode();
            one.add(single);
            return new ScenarioDocument(one, false);
        }
        if (root instanceof ArrayNode all && allObjects(all)) {
            return new ScenarioDocument(all, true);
        }
        throw new IOException("a scenario file holds a scenario object or an array of scenario objects");
    }

    private static boolean allObjects(ArrayNode array) {
        for (JsonNode item : array) {
            if (!item.isObject()) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return scenarios.size();
    }

    ObjectNode scenario(int index) {
        return (ObjectNode) scenarios.get(index);
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        scenarios.forEach(s -> names.add(s.path("name").asText("(no name)")));
        return names;
    }

    /** Adds a scenario that a human request escalates; the analyst edits it from there. */
    int add() {
        ObjectNode scenario = scenarios.addObject();
        scenario.put("name", "a new scenario");
        ObjectNode interaction = scenario.putObject("interaction");
        interaction.put("interactionId", "s-new-" + scenarios.size());
        interaction.put("channel", "chat");
        interaction.put("language", "en");
        interaction.putArray("messages").addObject().put("from", "customer").put("text", "I want to talk to a person");
        scenario.putObject("signals").put("humanRequest", 0.95);
        scenario.putObject("expect").put("route", "HUMAN").put("queue", "general");
        return scenarios.size() - 1;
    }

    void remove(int index) {
        scenarios.remove(index);
    }

    String toJson() {
        try {
            JsonNode root = !array && scenarios.size() == 1 ? scenarios.get(0) : scenarios;
            return MAPPER.writer(INDENTED).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    /** What the engine and the CLI would say about this file: empty when every scenario reads. */
    static String problem(String file, String text) {
        try {
            Scenario.parse(file, text.getBytes(StandardCharsets.UTF_8));
            return "";
        } catch (Scenario.InvalidScenarioException e) {
            return e.getMessage();
        }
    }

    /** {@code from: text}, one message a line. */
    static String messagesText(JsonNode messages) {
        List<String> lines = new ArrayList<>();
        messages.forEach(m -> lines.add(m.path("from").asText() + ": " + m.path("text").asText()));
        return String.join("\n", lines);
    }

    static ArrayNode messages(String text) {
        ArrayNode messages = MAPPER.createArrayNode();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String from = colon < 0 ? "customer" : line.substring(0, colon).strip();
            messages.addObject().put("from", from).put("text", (colon < 0 ? line : line.substring(colon + 1)).strip());
        }
        return messages;
    }

    /** {@code name = score} or {@code name = label}, one signal a line. */
    static String signalsText(JsonNode signals) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> signal : signals.properties()) {
            lines.add(signal.getKey() + " = " + signal.getValue().asText());
        }
        return String.join("\n", lines);
    }

    static ObjectNode signals(String text) {
        ObjectNode signals = MAPPER.createObjectNode();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            try {
                signals.put(name, Double.parseDouble(value));
            } catch (NumberFormatException label) {
                signals.put(name, value);
            }
        }
        return signals;
    }

    static String linesText(JsonNode array, String separator) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return String.join(separator, items);
    }

    static ArrayNode lines(String text, String separator) {
        ArrayNode items = MAPPER.createArrayNode();
        for (String item : text.split(separator)) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
