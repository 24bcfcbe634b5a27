package dev.tandem.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tandem.api.Reason;
import dev.tandem.api.audit.DecisionRecord;
import dev.tandem.api.audit.DeploymentRecord;

/** Writes audit records for the HTTP API and for exports; times are ISO-8601 in UTC. */
public final class AuditJson {
    private AuditJson() {
    }

    public static ObjectNode toTree(DecisionRecord record) {
        ObjectNode json = Jackson.MAPPER.createObjectNode();
        json.put("sequence", record.sequence());
        json.put("decisionId", record.decisionId());
        json.put("interactionId", record.interactionId());
        json.put("at", time(record.at()));
        json.put("channel", record.channel());
        json.put("language", record.language());
        json.put("route", record.route());
        json.put("queue", record.queue());
        json.put("priority", record.priority());
        json.set("skills", strings(record.skills()));
        json.set("reasons", reasons(record.reasons()));
        json.set("signals", signals(record.signals()));
        json.set("firedRules", strings(record.firedRules()));
        json.set("ruleset", ruleset(record.rulesetName(), record.rulesetVersion()));
        json.put("latencyMicros", record.latencyMicros());
        json.put("failSafe", record.failSafe());
        if (record.messageText() != null) {
            json.put("messageText", record.messageText());
        }
        json.put("hash", record.hash());
        return json;
    }

    public static ObjectNode toTree(DeploymentRecord record) {
        ObjectNode json = Jackson.MAPPER.createObjectNode();
        json.put("sequence", record.sequence());
        json.put("kind", record.kind());
        json.put("ruleset", record.ruleset());
        json.put("fromVersion", record.fromVersion());
        json.put("toVersion", record.toVersion());
        json.put("actor", record.actor());
        json.put("at", time(record.at()));
        json.set("problems", strings(record.problems()));
        json.put("hash", record.hash());
        return json;
    }

    public static byte[] write(ObjectNode tree) {
        return Jackson.toBytes(tree);
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    private static ObjectNode ruleset(String name, String version) {
        if (name == null) {
            return null;
        }
        return Jackson.MAPPER.createObjectNode().put("name", name).put("version", version);
    }

    private static ArrayNode reasons(List<Reason> reasons) {
        ArrayNode array = Jackson.MAPPER.createArrayNode();
        reasons.forEach(reason -> array.addObject().put("rule", reason.rule()).put("detail", reason.detail()));
        return array;
    }

    private static ObjectNode signals(Map<String, Object> signals) {
        ObjectNode object = Jackson.MAPPER.createObjectNode();
        new TreeMap<>(signals).forEach((name, value) -> object.set(name, Jackson.toNode(value)));
        return object;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Jackson.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
