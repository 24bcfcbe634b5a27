package dev.tandem.json;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    public static byte[] write(RoutingDecision decision) {
        return Jackson.toBytes(toTree(decision));
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
