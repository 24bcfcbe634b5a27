package dev.tandem.audit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tandem.api.DeploymentEvent;
import dev.tandem.api.Interaction;
import dev.tandem.api.Problem;
import dev.tandem.api.Reason;
import dev.tandem.api.RoutingDecision;

/** Turns decisions and deployment events into table rows; lists and maps are stored as JSON text. */
final class AuditEntries {
    static final ObjectMapper JSON = new ObjectMapper();

    private AuditEntries() {
    }

    static AuditEntry decision(Interaction interaction, RoutingDecision decision, long atMillis, boolean keepText) {
        return new AuditEntry(AuditTable.DECISIONS, Arrays.asList(
                decision.decisionId(), decision.interactionId(), Long.toString(atMillis), interaction.getChannel(),
                decision.language(), decision.route() == null ? null : decision.route().name(), decision.queue(),
                Integer.toString(decision.priority()), json(decision.skills()), json(reasonMaps(decision.reasons())),
                json(new TreeMap<>(decision.signals())), json(decision.firedRules()),
                decision.ruleset() == null ? null : decision.ruleset().name(),
                decision.ruleset() == null ? null : decision.ruleset().version(),
                Long.toString(decision.latencyMicros()), decision.failSafe(),
                keepText ? interaction.getLastCustomerText() : null));
    }

    static AuditEntry deployment(DeploymentEvent event) {
        List<String> problems = event.problems().stream().map(Problem::toString).toList();
        return new AuditEntry(AuditTable.DEPLOYMENTS, Arrays.asList(
                UUID.randomUUID().toString(), event.kind().name(), event.ruleset(), event.fromVersion(),
                event.toVersion(), event.actor(), Long.toString(event.at().toEpochMilli()), json(problems)));
    }

    private static List<Map<String, String>> reasonMaps(List<Reason> reasons) {
        List<Map<String, String>> maps = new ArrayList<>();
        for (Reason reason : reasons) {
            Map<String, String> map = new TreeMap<>();
            map.put("rule", reason.rule());
            map.put("detail", reason.detail());
            maps.add(map);
        }
        return maps;
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
