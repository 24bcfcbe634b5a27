package dev.tandem.audit.internal;

import java.util.List;

/**
 * The two chained tables. Every value is kept as text in {@link AuditEntry}, in column order,
 * so that hashing, the journal loader and verification all see exactly what the database holds.
 */
enum AuditTable {
    DECISIONS("audit_decision", "decision_id", List.of(
            "decision_id", "interaction_id", "at_millis", "channel", "language", "route", "queue", "priority",
            "skills", "reasons", "signals", "fired_rules", "ruleset_name", "ruleset_version", "latency_micros",
            "fail_safe", "message_text"),
            List.of("at_millis", "priority", "latency_micros")),
    DEPLOYMENTS("audit_deployment", "event_id", List.of(
            "event_id", "kind", "ruleset", "from_version", "to_version", "actor", "at_millis", "problems"),
            List.of("at_millis"));

    private final String table;
    private final String idColumn;
    private final List<String> columns;
    /** By column index: whether the column holds a number (bound as BIGINT) rather than text. */
    private final boolean[] numeric;

    AuditTable(String table, String idColumn, List<String> columns, List<String> numericColumns) {
        this.table = table;
        this.idColumn = idColumn;
        this.columns = columns;
        this.numeric = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            numeric[i] = numericColumns.contains(columns.get(i));
        }
    }

    String table() {
        return table;
    }

    String idColumn() {
        return idColumn;
    }

    List<String> columns() {
        return columns;
    }

    boolean isNumeric(int column) {
        return numeric[column];
    }

    int indexOf(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(table + " has no column " + column);
        }
        return index;
    }
}
