package dev.tandem.audit.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Append-only file of records the database could not take, one JSON line each, and beside it the
 * byte offset up to which they have been replayed. Records are replayed in the order they were
 * appended; a line torn by a crash (no newline) is left for the next append to overwrite.
 */
final class SpillFile {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final byte NEWLINE = '\n';

    /** Records read back and the offset just past them. */
    record Chunk(List<AuditEntry> entries, long endOffset) {
    }

    private final Path file;
    private final Path offsetFile;
    private long replayedOffset;
    private long pending;

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
    synchronized void append(List<AuditEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream(entries.size() * 512);
        for (AuditEntry entry : entries) {
            lines.write(line(entry));
            lines.write(NEWLINE);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            channel.position(completeLength(channel));
            channel.write(ByteBuffer.wrap(lines.toByteArray()));
            channel.force(false);
        }
        pending += entries.size();
    }

    /** Up to {@code max} records from where replay stopped. */
    synchronized Chunk read(int max) throws IOException {
        List<AuditEntry> entries = new ArrayList<>();
        long offset = replayedOffset;
        if (!Files.exists(file)) {
            return new Chunk(entries, offset);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(offset)))) {
            byte[] line;
            while (entries.size() < max && (line = completeLine(in)) != null) {
                offset += line.length + 1;
                entries.add(entry(line));
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
            Files.deleteIfExists(file);
        } else {
            writeOffset(replayedOffset);
        }
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

    private static byte[] completeLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        int b;
        while ((b = in.read()) != -1) {
            if (b == NEWLINE) {
                return line.toByteArray();
            }
            line.write(b);
        }
        return null;
    }

    private static byte[] line(AuditEntry entry) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        json.put("table", entry.table().name());
        ArrayNode values = json.putArray("values");
        entry.values().forEach(values::add);
        return JSON.writeValueAsBytes(json);
    }

    private static AuditEntry entry(byte[] line) throws IOException {
        JsonNode json = JSON.readTree(new String(line, StandardCharsets.US_ASCII));
        List<String> values = new ArrayList<>();
        json.path("values").forEach(value -> values.add(value.isNull() ? null : value.asText()));
        return new AuditEntry(AuditTable.valueOf(json.path("table").asText()), values);
    }
}
