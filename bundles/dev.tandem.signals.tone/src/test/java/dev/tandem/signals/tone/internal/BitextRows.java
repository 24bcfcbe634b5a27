package dev.tandem.signals.tone.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The instruction and tags of every Bitext row (a CSV whose responses hold quoted line breaks). */
final class BitextRows {
    private BitextRows() {
    }

    static List<List<String>> read(Path file) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int previous = -1;
            for (int c = reader.read(); c >= 0; previous = c, c = reader.read()) {
                if (c == '"') {
                    if (!quoted && previous == '"') {
                        field.append('"');
                    }
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    record.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' && !quoted) {
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                } else if (c != '\r' || quoted) {
                    field.append((char) c);
                }
            }
        }
        List<String> header = records.get(0);
        int instruction = header.indexOf("instruction");
        int tags = header.indexOf("tags");
        List<List<String>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            rows.add(List.of(record.get(instruction), record.get(tags)));
        }
        return rows;
    }
}
