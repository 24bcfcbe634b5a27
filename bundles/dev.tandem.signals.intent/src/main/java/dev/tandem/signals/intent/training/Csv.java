package dev.tandem.signals.intent.training;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A CSV file with a header row (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
public final class Csv {
    private final List<String> header;
    private final List<List<String>> rows;

    private Csv(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    public static Csv read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> records = parse(reader);
            if (records.isEmpty()) {
                throw new IOException(file + " is empty");
            }
            return new Csv(records.get(0), records.subList(1, records.size()));
        }
    }

    /** The values of one column, row by row; an error names the columns there are. */
    public List<String> column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; columns: " + header);
        }
        List<String> values = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            values.add(index < row.size() ? row.get(index) : "");
        }
        return values;
    }

    /** Rows as column name to value. */
    public List<Map<String, String>> records() {
        List<Map<String, String>> records = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            Map<String, String> record = new HashMap<>();
            for (int i = 0; i < header.size() && i < row.size(); i++) {
                record.put(header.get(i), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    private static List<List<String>> parse(Reader reader) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = reader.read()) >= 0) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next >= 0) {
                            reader.reset();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                endRecord(records, record, field);
                record = new ArrayList<>();
                any = false;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        if (any) {
            endRecord(records, record, field);
        }
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> record, StringBuilder field) {
        record.add(field.toString());
        field.setLength(0);
        if (!(record.size() == 1 && record.get(0).isEmpty())) {
            records.add(record);
        }
    }
}
