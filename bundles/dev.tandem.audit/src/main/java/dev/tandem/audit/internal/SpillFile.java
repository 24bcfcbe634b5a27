package dev.tandem.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/**
 * Append-only file of records the database could not take, one JSON line each, and beside it the
 * byte offset up to which they have been replayed. Records are replayed in the order they were
 * appended; a line torn by a crash (no newline) is left for the next append to overwrite.
 * Lines are serialised before the lock is taken, so a deciding thread that spills waits only for
 * the other appenders' writes into the page cache; {@link #sync} forces them to disk.
 */
final class SpillFile implements AutoCloseable {
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final byte NEWLINE = '\n';
    private static final int TAIL_BYTES = 1 << 16;

    /** Records read back and the offset just past them. */
    record Chunk(List<AuditEntry> entries, long endOffset) {
    }

    private final Path file;
    private final Path offsetFile;
    private long replayedOffset;
    private long pending;
    private FileChannel appender;
    /** Appended, not yet written: in memory until the next {@link #sync}, like the writer's buffer. */
    private final ByteArrayOutputStream tail = new ByteArrayOutputStream(TAIL_BYTES * 2);
    private boolean unsynced;

    SpillFile(Path folder) throws IOException {
        Files.createDirectories(folder);
        this.file = folder.resolve("spill.jsonl");
        this.offsetFile = folder.resolve("spill.offset");
        this.replayedOffset = readOffset();
        this.pending = countPending();
    }

    /** Records appended and not yet replayed. */
    synchronized long pending() {
        return pending;
    }

    synchronized boolean hasPending() {
        return pending > 0;
    }

    /** Appends and forces the records to disk: once this returns they survive a crash. */
    void append(List<AuditEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        write(lines(entries), entries.size());
        sync();
    }

    /** Appends without forcing: durable at the next {@link #sync}, which the writer calls every flush interval. */
    void appendUnforced(AuditEntry entry) throws IOException {
        write(lines(List.of(entry)), 1);
    }

    /** Writes out and forces what was appended since the last call. */
    synchronized void sync() throws IOException {
        writeTail();
        if (unsynced && appender != null) {
            appender.force(false);
        }
        unsynced = false;
    }

    /** Single records are gathered in memory and written in blocks: one system call per record would cost more. */
    private synchronized void write(byte[] lines, int count) throws IOException {
        tail.write(lines);
        pending += count;
        unsynced = true;
        if (tail.size() >= TAIL_BYTES) {
            writeTail();
        }
    }

    private void writeTail() throws IOException {
        if (tail.size() == 0) {
            return;
        }
        FileChannel channel = appender();
        ByteBuffer buffer = ByteBuffer.wrap(tail.toByteArray());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        tail.reset();
    }

    private FileChannel appender() throws IOException {
        if (appender == null || !appender.isOpen()) {
            appender = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            appender.position(completeLength(appender));
        }
        return appender;
    }

    /** Up to {@code max} records from where replay stopped. */
    synchronized Chunk read(int max) throws IOException {
        writeTail(); // records counted as pending must be readable
        List<AuditEntry> entries = new ArrayList<>();
        long offset = replayedOffset;
        if (!Files.exists(file)) {
            return new Chunk(entries, offset);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(channel.position(offset))) {
            LineReader lines = new LineReader(in);
            while (entries.size() < max && lines.next()) {
                offset += lines.length() + 1;
                entries.add(entry(lines.bytes(), lines.length()));
            }
        }
        return new Chunk(entries, offset);
    }

    /** Marks a chunk as safely in the database; when everything is, the file starts over empty. */
    synchronized void replayed(Chunk chunk) throws IOException {
        pending -= chunk.entries().size();
        replayedOffset = chunk.endOffset();
        if (pending <= 0) {
            pending = 0;
            replayedOffset = 0;
            // the offset is reset first: a crash between the two steps then replays, never skips
            writeOffset(0);
            closeAppender();
            Files.deleteIfExists(file);
        } else {
            writeOffset(replayedOffset);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        sync();
        closeAppender();
    }

    private void closeAppender() throws IOException {
        tail.reset();
        if (appender != null) {
            appender.close();
            appender = null;
        }
        unsynced = false;
    }

    private long readOffset() throws IOException {
        if (!Files.exists(offsetFile)) {
            return 0;
        }
        long offset = Long.parseLong(Files.readString(offsetFile).strip());
        long size = Files.exists(file) ? Files.size(file) : 0;
        return offset <= size ? offset : 0;
    }

    private void writeOffset(long offset) throws IOException {
        Path next = offsetFile.resolveSibling("spill.offset.next");
        Files.writeString(next, Long.toString(offset));
        Files.move(next, offsetFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private long countPending() throws IOException {
        long count = 0;
        Chunk chunk;
        long savedOffset = replayedOffset;
        do {
            chunk = read(10_000);
            count += chunk.entries().size();
            replayedOffset = chunk.endOffset();
        } while (!chunk.entries().isEmpty());
        replayedOffset = savedOffset;
        return count;
    }

    /** The length up to the last newline: a torn last line is overwritten rather than continued. */
    private static long completeLength(FileChannel channel) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long position = channel.size() - 1; position >= 0; position--) {
            one.clear();
            channel.read(one, position);
            if (one.get(0) == NEWLINE) {
                return position + 1;
            }
        }
        return 0;
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

    /** {"table":"DECISIONS","values":[...]} per line; non-ASCII escaped, so a line never holds a raw newline byte. */
    static byte[] lines(List<AuditEntry> entries) throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream(entries.size() * 512);
        try (JsonGenerator json = JSON.createGenerator(lines)) {
            json.setRootValueSeparator(null);
            for (AuditEntry entry : entries) {
                json.writeStartObject();
                json.writeStringField("table", entry.table().name());
                json.writeArrayFieldStart("values");
                for (String value : entry.values()) {
                    json.writeString(value);
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeRaw((char) NEWLINE);
            }
        }
        return lines.toByteArray();
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
