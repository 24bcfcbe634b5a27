package dev.tandem.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tandem.api.Reason;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.RulesetRef;

/** Writes a {@link RoutingDecision} in the shape of DESIGN.md §5, plus firedRules, failSafe (when set) and latencyMicros. */
public final class DecisionJson {
    private DecisionJson() {
    }

    /** Streams the decision without building a tree: the same bytes as {@link #toTree}, at a fraction of the cost. */
    public static byte[] write(RoutingDecision decision) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = Jackson.MAPPER.createGenerator(out)) {
            write(decision, json);
        } catch (IOException e) {
            // writing to memory does no I/O
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(RoutingDecision decision, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("decisionId", decision.decisionId());
        json.writeStringField("interactionId", decision.interactionId());
        json.writeStringField("route", decision.route() == null ? null : decision.route().name());
        json.writeStringField("queue", decision.queue());
        json.writeNumberField("priority", decision.priority());
        writeStrings(json, "skills", decision.skills());
        json.writeStringField("language", decision.language());
        json.writeArrayFieldStart("reasons");
        for (Reason reason : decision.reasons()) {
            json.writeStartObject();
            json.writeStringField("rule", reason.rule());
            json.writeStringField("detail", reason.detail());
            json.writeEndObject();
        }
        json.writeEndArray();
        writeSignals(json, decision.signals());
        writeRuleset(json, decision.ruleset());
        writeStrings(json, "firedRules", decision.firedRules());
        if (decision.failSafe() != null) {
            json.writeStringField("failSafe", decision.failSafe());
        }
        json.writeNumberField("latencyMicros", decision.latencyMicros());
        json.writeEndObject();
    }

    private static void writeSignals(JsonGenerator json, Map<String, Object> signals) throws IOException {
        json.writeObjectFieldStart("signals");
        for (Map.Entry<String, Object> signal : new TreeMap<>(signals).entrySet()) {
            json.writeFieldName(signal.getKey());
            writeValue(json, signal.getValue());
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else {
            json.writeTree(Jackson.toNode(value));
        }
    }

    private static void writeRuleset(JsonGenerator json, RulesetRef ruleset) throws IOException {
        json.writeFieldName("ruleset");
        if (ruleset == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("name", ruleset.name());
        json.writeStringField("version", ruleset.version());
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    public static ObjectNode toTree(RoutingDecision decision) {
        ObjectNode json = Jackson.MAPPER.createObjectNode();
        json.put("decisionId", decision.decisionId());
        json.put("interactionId", decision.interactionId());
        json.put("route", decision.route() == null ? null : decision.route().name());
        json.put("queue", decision.queue());
        json.put("priority", decision.priority());
        json.set("skills", strings(decision.skills()));
        json.put("language", decision.language());
        json.set("reasons", reasons(decision.reasons()));
        json.set("signals", signals(decision.signals()));
        json.set("ruleset", ruleset(decision.ruleset()));
        json.set("firedRules", strings(decision.firedRules()));
        if (decision.failSafe() != null) {
            json.put("failSafe", decision.failSafe());
        }
        json.put("latencyMicros", decision.latencyMicros());
        return json;
    }

    private static ArrayNode reasons(List<Reason> reasons) {
        ArrayNode array = Jackson.MAPPER.createArrayNode();
        for (Reason reason : reasons) {
            array.addObject().put("rule", reason.rule()).put("detail", reason.detail());
        }
        return array;
    }

    /** Sorted by name: the record holds an unordered map, and stable output is easier to read and diff. */
    private static ObjectNode signals(Map<String, Object> signals) {
        ObjectNode object = Jackson.MAPPER.createObjectNode();
        new TreeMap<>(signals).forEach((name, value) -> object.set(name, Jackson.toNode(value)));
        return object;
    }

    private static JsonNode ruleset(RulesetRef ruleset) {
        if (ruleset == null) {
            return Jackson.MAPPER.getNodeFactory().nullNode();
        }
        return Jackson.MAPPER.createObjectNode().put("name", ruleset.name()).put("version", ruleset.version());
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Jackson.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
