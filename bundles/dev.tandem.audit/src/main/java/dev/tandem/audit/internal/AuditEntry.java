package dev.tandem.audit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One record before it has a place in its chain: the column values of its table, as text (null stays null). */
record AuditEntry(AuditTable table, List<String> values) {
    AuditEntry {
        if (values.size() != table.columns().size()) {
            throw new IllegalArgumentException(table + " needs " + table.columns().size() + " values, not " + values.size());
        }
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    String id() {
        return values.get(0);
    }

    String value(String column) {
        return values.get(table.indexOf(column));
    }
}
