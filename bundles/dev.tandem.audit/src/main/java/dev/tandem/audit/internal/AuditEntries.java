package dev.tandem.audit.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tandem.api.DeploymentEvent;
import dev.tandem.api.Problem;
import dev.tandem.api.Reason;
import dev.tandem.api.RoutingDecision;

/** Turns decisions and deployment events into table rows; lists and maps are stored as JSON text. */
final class AuditEntries {
    static final ObjectMapper JSON = new ObjectMapper();

    private AuditEntries() {
    }

    static AuditEntry decision(RoutingDecision decision, String channel, String messageText, long atMillis) {
        return new AuditEntry(AuditTable.DECISIONS, Arrays.asList(
                decision.decisionId(), decision.interactionId(), Long.toString(atMillis), channel,
                decision.language(), decision.route() == null ? null : decision.route().name(), decision.queue(),
                Integer.toString(decision.priority()), jsonStrings(decision.skills()), jsonReasons(decision.reasons()),
                jsonSignals(decision.signals()), jsonStrings(decision.firedRules()),
                decision.ruleset() == null ? null : decision.ruleset().name(),
                decision.ruleset() == null ? null : decision.ruleset().version(),
                Long.toString(decision.latencyMicros()), decision.failSafe(),
                messageText));
    }

    static AuditEntry deployment(DeploymentEvent event) {
        List<String> problems = event.problems().stream().map(Problem::toString).toList();
        return new AuditEntry(AuditTable.DEPLOYMENTS, Arrays.asList(
                UUID.randomUUID().toString(), event.kind().name(), event.ruleset(), event.fromVersion(),
                event.toVersion(), event.actor(), Long.toString(event.at().toEpochMilli()), json(problems)));
    }

    /** A JSON array of strings, written directly: this runs for every decision. */
    static String jsonStrings(List<String> values) {
        return write(json -> {
            json.writeStartArray();
            for (String value : values) {
                json.writeString(value);
            }
            json.writeEndArray();
        });
    }

    /** [{"detail":..,"rule":..}, ...]: the keys in the order the object mapper reads them back. */
    private static String jsonReasons(List<Reason> reasons) {
        return write(json -> {
            json.writeStartArray();
            for (Reason reason : reasons) {
                json.writeStartObject();
                json.writeStringField("detail", reason.detail());
                json.writeStringField("rule", reason.rule());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** The signals by name, sorted, so that the same decision always gives the same text (and hash). */
    private static String jsonSignals(Map<String, Object> signals) {
        return write(json -> {
            json.writeStartObject();
            for (Map.Entry<String, Object> signal : new TreeMap<>(signals).entrySet()) {
                json.writeFieldName(signal.getKey());
                writeValue(json, signal.getValue());
            }
            json.writeEndObject();
        });
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String text -> json.writeString(text);
            case Boolean flag -> json.writeBoolean(flag);
            case Double number -> json.writeNumber(number);
            case Float number -> json.writeNumber(number);
            case Integer number -> json.writeNumber(number);
            case Long number -> json.writeNumber(number);
            case RecordCodec.RawJson raw -> json.writeRawValue(raw.text());
            default -> json.writeRawValue(json(value));
        }
    }

    @FunctionalInterface
    private interface JsonWriting {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(JsonWriting writing) {
        StringWriter text = new StringWriter(64);
        try (JsonGenerator json = JSON.getFactory().createGenerator(text)) {
            writing.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON into memory", e);
        }
        return text.toString();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return JSON.valueToTree(String.valueOf(value)).toString();
        }
    }

    static List<String> strings(String json) {
        return read(json, new TypeReference<List<String>>() { }, List.of());
    }

    static Map<String, Object> map(String json) {
        return read(json, new TypeReference<Map<String, Object>>() { }, Map.of());
    }

    static List<Reason> reasons(String json) {
        List<Map<String, String>> maps = read(json, new TypeReference<List<Map<String, String>>>() { }, List.of());
        return maps.stream().map(m -> new Reason(m.get("rule"), m.get("detail"))).toList();
    }

    private static <T> T read(String json, TypeReference<T> type, T whenAbsent) {
        if (json == null) {
            return whenAbsent;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            // a hand-edited row must still be readable, so that verify and export can show it
            return whenAbsent;
        }
    }
}
