package dev.tandem.audit.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tandem.api.audit.DecisionQuery;
import dev.tandem.api.audit.DecisionRecord;
import dev.tandem.api.audit.DeploymentRecord;
import dev.tandem.json.AuditJson;

/**
 * What {@code tandem audit export --kind} reads: decisions, or deployment events (deploys, refusals,
 * rollbacks, uninstalls and the HTTP API's access attempts), each with its columns and JSON form.
 */
abstract sealed class RecordKind<R> {
    static final RecordKind<DecisionRecord> DECISIONS = new Decisions();
    static final RecordKind<DeploymentRecord> DEPLOYMENTS = new Deployments();

    static RecordKind<?> of(String name) {
        return switch (name) {
            case "decisions" -> DECISIONS;
            case "deployments" -> DEPLOYMENTS;
            default -> throw new IllegalArgumentException("--kind must be decisions or deployments, not " + name);
        };
    }

    abstract List<String> columns();

    abstract List<String> cells(R record);

    abstract ObjectNode json(R record);

    /** Records at or after {@code from} and before {@code to} with a sequence number above {@code after}. */
    abstract List<R> page(AuditQueries queries, Instant from, Instant to, long after, int limit) throws SQLException;

    abstract long sequence(R record);

    static final class Decisions extends RecordKind<DecisionRecord> {
        @Override
        List<String> columns() {
            return List.of("sequence", "decisionId", "interactionId", "at", "channel", "language", "route", "queue",
                    "priority", "skills", "firedRules", "signals", "ruleset", "rulesetVersion", "latencyMicros",
                    "failSafe", "hash");
        }

        @Override
        List<String> cells(DecisionRecord record) {
            return RecordFormat.cells(record.sequence(), record.decisionId(), record.interactionId(), record.at(),
                    record.channel(), record.language(), record.route(), record.queue(), record.priority(),
                    String.join(";", record.skills()), String.join(";", record.firedRules()), signals(record.signals()),
                    record.rulesetName(), record.rulesetVersion(), record.latencyMicros(), record.failSafe(),
                    record.hash());
        }

        @Override
        ObjectNode json(DecisionRecord record) {
            return AuditJson.toTree(record);
        }

        @Override
        List<DecisionRecord> page(AuditQueries queries, Instant from, Instant to, long after, int limit)
                throws SQLException {
            return queries.decisions(new DecisionQuery(null, from, to, null, null, null, after, limit));
        }

        @Override
        long sequence(DecisionRecord record) {
            return record.sequence();
        }

        private static String signals(Map<String, Object> signals) {
            StringBuilder text = new StringBuilder();
            new TreeMap<>(signals).forEach((name, value) -> text.append(text.isEmpty() ? "" : ";").append(name)
                    .append('=').append(value));
            return text.toString();
        }
    }

    static final class Deployments extends RecordKind<DeploymentRecord> {
        @Override
        List<String> columns() {
            return List.of("sequence", "kind", "ruleset", "fromVersion", "toVersion", "actor", "at", "problems", "hash");
        }

        @Override
        List<String> cells(DeploymentRecord record) {
            return RecordFormat.cells(record.sequence(), record.kind(), record.ruleset(), record.fromVersion(),
                    record.toVersion(), record.actor(), record.at(), String.join("\n", record.problems()),
                    record.hash());
        }

        @Override
        ObjectNode json(DeploymentRecord record) {
            return AuditJson.toTree(record);
        }

        @Override
        List<DeploymentRecord> page(AuditQueries queries, Instant from, Instant to, long after, int limit)
                throws SQLException {
            return queries.deployments(from, to, after, limit);
        }

        @Override
        long sequence(DeploymentRecord record) {
            return record.sequence();
        }
    }
}
