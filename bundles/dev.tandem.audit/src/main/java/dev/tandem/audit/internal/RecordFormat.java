package dev.tandem.audit.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tandem.api.audit.DecisionRecord;
import dev.tandem.json.AuditJson;

/** How {@code tandem audit export} writes decisions: JSON lines as the HTTP API shows them, or CSV for spreadsheets. */
enum RecordFormat {
    JSONL {
        @Override
        void write(DecisionRecord record, PrintStream out) {
            out.println(new String(AuditJson.write(AuditJson.toTree(record)), StandardCharsets.UTF_8));
        }
    },
    CSV {
        @Override
        void header(PrintStream out) {
            out.println(String.join(",", COLUMNS));
        }

        @Override
        void write(DecisionRecord record, PrintStream out) {
            out.println(String.join(",", List.of(
                    Long.toString(record.sequence()), cell(record.decisionId()), cell(record.interactionId()),
                    record.at().toString(), cell(record.channel()), cell(record.language()), cell(record.route()),
                    cell(record.queue()), Integer.toString(record.priority()), cell(String.join(";", record.skills())),
                    cell(String.join(";", record.firedRules())), cell(signals(record.signals())),
                    cell(record.rulesetName()), cell(record.rulesetVersion()), Long.toString(record.latencyMicros()),
                    cell(record.failSafe()), cell(record.hash()))));
        }
    };

    static final List<String> COLUMNS = List.of("sequence", "decisionId", "interactionId", "at", "channel",
            "language", "route", "queue", "priority", "skills", "firedRules", "signals", "ruleset", "rulesetVersion",
            "latencyMicros", "failSafe", "hash");

    static RecordFormat of(String name) {
        try {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be csv or jsonl, not " + name);
        }
    }

    void header(PrintStream out) {
    }

    abstract void write(DecisionRecord record, PrintStream out);

    /** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static String signals(Map<String, Object> signals) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(signals).forEach((name, value) -> text.append(text.isEmpty() ? "" : ";").append(name)
                .append('=').append(value));
        return text.toString();
    }
}
