package dev.tandem.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The spill file of earlier versions ({@code spill.jsonl}, one JSON object per line, and {@code spill.offset}):
 * what it still holds past its offset is moved into the journal at start, in order, and the file removed, so
 * that an upgrade loses no record. A last line without its newline was torn by a crash and is not a record.
 */
final class LegacySpillFile {
    private static final System.Logger LOG = System.getLogger(LegacySpillFile.class.getName());
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final byte NEWLINE = '\n';
    private static final int BATCH = 10_000;

    private LegacySpillFile() {
    }

    /** Appends the spill file's unreplayed records to the journal, forces it, then removes the spill file. */
    static void moveInto(Journal journal, Path folder) throws IOException {
        Path file = folder.resolve("spill.jsonl");
        Path offsetFile = folder.resolve("spill.offset");
        if (!Files.exists(file)) {
            Files.deleteIfExists(offsetFile);
            return;
        }
        long moved = 0;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset(offsetFile, Files.size(file)));
            LineReader lines = new LineReader(in);
            Frames frames = new Frames(1 << 16);
            while (lines.next()) {
                frames.add(new PendingRecord.Ready(entry(lines.bytes(), lines.length())));
                if (frames.frames() == BATCH) {
                    moved += append(journal, frames);
                }
            }
            moved += append(journal, frames);
        }
        journal.sync();
        Files.delete(file); // after the journal has them on disk: a crash before this moves them again
        Files.deleteIfExists(offsetFile);
        LOG.log(System.Logger.Level.INFO, "moved " + moved + " records of the old spill file into the audit journal");
    }

    private static int append(Journal journal, Frames frames) throws IOException {
        int count = frames.frames();
        if (count > 0) {
            journal.append(frames);
            frames.clear();
        }
        return count;
    }

    private static long offset(Path offsetFile, long size) throws IOException {
        if (!Files.exists(offsetFile)) {
            return 0;
        }
        long offset = Long.parseLong(Files.readString(offsetFile).strip());
        return offset <= size ? offset : 0;
    }

    /** Complete lines, one after the other, read in large blocks; a last line without newline is not one. */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] block = new byte[1 << 16];
        private int position;
        private int limit;
        private byte[] line = new byte[1024];
        private int length;

        LineReader(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            length = 0;
            while (true) {
                if (position == limit && !fill()) {
                    return false;
                }
                int end = position;
                while (end < limit && block[end] != NEWLINE) {
                    end++;
                }
                append(end - position);
                boolean complete = end < limit;
                position = complete ? end + 1 : end;
                if (complete) {
                    return true;
                }
            }
        }

        private boolean fill() throws IOException {
            position = 0;
            limit = Math.max(0, in.read(block));
            return limit > 0;
        }

        private void append(int count) {
            if (length + count > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
            }
            System.arraycopy(block, position, line, length, count);
            length += count;
        }

        byte[] bytes() {
            return line;
        }

        int length() {
            return length;
        }
    }

    private static AuditEntry entry(byte[] line, int length) throws IOException {
        try (JsonParser json = JSON.createParser(line, 0, length)) {
            AuditTable table = null;
            List<String> values = new ArrayList<>();
            expect(json.nextToken(), JsonToken.START_OBJECT, line, length);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken token = json.nextToken();
                if ("table".equals(field)) {
                    table = AuditTable.valueOf(json.getText());
                } else if ("values".equals(field)) {
                    expect(token, JsonToken.START_ARRAY, line, length);
                    while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
                        values.add(token == JsonToken.VALUE_NULL ? null : json.getText());
                    }
                } else {
                    json.skipChildren();
                }
            }
            if (table == null) {
                throw new IOException("a spilled record without its table: " + new String(line, 0,
                        Math.min(length, 200), java.nio.charset.StandardCharsets.US_ASCII));
            }
            return new AuditEntry(table, values);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, byte[] line, int length) throws IOException {
        if (actual != expected) {
            throw new IOException("a spilled record is not a JSON object with a values array: " + new String(line,
                    0, Math.min(length, 200), java.nio.charset.StandardCharsets.US_ASCII));
        }
    }
}
