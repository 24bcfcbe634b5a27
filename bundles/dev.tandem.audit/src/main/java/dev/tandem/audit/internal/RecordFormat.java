package dev.tandem.audit.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tandem.json.AuditJson;

/**
 * How {@code tandem audit export} writes records: JSON lines as the HTTP API shows them, or CSV for
 * spreadsheets. What a record's columns and JSON are is up to its {@link RecordKind}.
 */
enum RecordFormat {
    JSONL {
        @Override
        <R> void write(RecordKind<R> kind, R record, PrintStream out) {
            ObjectNode json = kind.json(record);
            out.println(new String(AuditJson.write(json), StandardCharsets.UTF_8));
        }
    },
    CSV {
        @Override
        void header(RecordKind<?> kind, PrintStream out) {
            out.println(String.join(",", kind.columns()));
        }

        @Override
        <R> void write(RecordKind<R> kind, R record, PrintStream out) {
            out.println(String.join(",", kind.cells(record).stream().map(RecordFormat::cell).toList()));
        }
    };

    static RecordFormat of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be csv or jsonl, not " + name);
        }
    }

    void header(RecordKind<?> kind, PrintStream out) {
    }

    abstract <R> void write(RecordKind<R> kind, R record, PrintStream out);

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

    /** Cells of a record, in the order of its kind's columns. */
    static List<String> cells(Object... values) {
        return java.util.Arrays.stream(values).map(v -> v == null ? null : v.toString()).toList();
    }
}
