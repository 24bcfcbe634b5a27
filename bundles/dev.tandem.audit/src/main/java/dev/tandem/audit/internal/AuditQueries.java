package dev.tandem.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tandem.api.audit.DecisionQuery;
import dev.tandem.api.audit.DecisionRecord;
import dev.tandem.api.audit.DeploymentRecord;

/** Reads records back: for the HTTP API, the CLI's export and the tests. Each call opens its own connection. */
final class AuditQueries {
    private static final String DECISION_COLUMNS = "seq, " + String.join(", ", AuditTable.DECISIONS.columns()) + ", hash";
    private static final String DEPLOYMENT_COLUMNS = "seq, " + String.join(", ", AuditTable.DEPLOYMENTS.columns()) + ", hash";

    private final AuditDatabase database;

    AuditQueries(AuditDatabase database) {
        this.database = database;
    }

    Optional<DecisionRecord> decision(String decisionId) throws SQLException {
        List<DecisionRecord> found = decisions("SELECT " + DECISION_COLUMNS + " FROM audit_decision WHERE decision_id = ?",
                List.of(decisionId));
        return found.stream().findFirst();
    }

    List<DecisionRecord> decisions(DecisionQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + DECISION_COLUMNS + " FROM audit_decision WHERE seq > ?");
        List<Object> parameters = new ArrayList<>(List.of(query.afterSequence()));
        where(sql, parameters, "interaction_id = ?", query.interactionId());
        where(sql, parameters, "at_millis >= ?", query.from() == null ? null : query.from().toEpochMilli());
        where(sql, parameters, "at_millis < ?", query.to() == null ? null : query.to().toEpochMilli());
        where(sql, parameters, "route = ?", query.route());
        where(sql, parameters, "queue = ?", query.queue());
        where(sql, parameters, "ruleset_name = ?", query.ruleset());
        sql.append(" ORDER BY seq LIMIT ?");
        parameters.add(query.limit());
        return decisions(sql.toString(), parameters);
    }

    List<DeploymentRecord> deployments(long afterSequence, int limit) throws SQLException {
        return deployments(null, null, afterSequence, limit);
    }

    /** Deployment events in [from, to) (either may be null: open) after a sequence number, oldest first. */
    List<DeploymentRecord> deployments(Instant from, Instant to, long afterSequence, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + DEPLOYMENT_COLUMNS + " FROM audit_deployment WHERE seq > ?");
        List<Object> parameters = new ArrayList<>(List.of(afterSequence));
        where(sql, parameters, "at_millis >= ?", from == null ? null : from.toEpochMilli());
        where(sql, parameters, "at_millis < ?", to == null ? null : to.toEpochMilli());
        sql.append(" ORDER BY seq LIMIT ?");
        parameters.add(limit);
        List<DeploymentRecord> records = new ArrayList<>();
        try (Connection connection = database.connect();
             PreparedStatement statement = prepared(connection, sql.toString(), parameters);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                records.add(deployment(rows));
            }
        }
        return records;
    }

    long count(AuditTable table) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table.table());
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void where(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            parameters.add(value);
        }
    }

    private List<DecisionRecord> decisions(String sql, List<Object> parameters) throws SQLException {
        List<DecisionRecord> records = new ArrayList<>();
        try (Connection connection = database.connect();
             PreparedStatement statement = prepared(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                records.add(decision(rows));
            }
        }
        return records;
    }

    private static PreparedStatement prepared(Connection connection, String sql, List<?> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    static DecisionRecord decision(ResultSet row) throws SQLException {
        return new DecisionRecord(row.getLong("seq"), row.getString("decision_id"), row.getString("interaction_id"),
                Instant.ofEpochMilli(row.getLong("at_millis")), row.getString("channel"), row.getString("language"),
                row.getString("route"), row.getString("queue"), row.getInt("priority"),
                AuditEntries.strings(row.getString("skills")), AuditEntries.reasons(row.getString("reasons")),
                AuditEntries.map(row.getString("signals")), AuditEntries.strings(row.getString("fired_rules")),
                row.getString("ruleset_name"), row.getString("ruleset_version"), row.getLong("latency_micros"),
                row.getString("fail_safe"), row.getString("message_text"), row.getString("hash"));
    }

    static DeploymentRecord deployment(ResultSet row) throws SQLException {
        return new DeploymentRecord(row.getLong("seq"), row.getString("kind"), row.getString("ruleset"),
                row.getString("from_version"), row.getString("to_version"), row.getString("actor"),
                Instant.ofEpochMilli(row.getLong("at_millis")), AuditEntries.strings(row.getString("problems")),
                row.getString("hash"));
    }
}
