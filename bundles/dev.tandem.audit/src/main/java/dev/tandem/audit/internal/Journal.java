package dev.tandem.audit.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * The append-only file every record goes to first, in {@link Frames}, and beside it the byte offset up to
 * which the database has taken them. The journal writer appends a tick's records in one write and forces
 * the file once per flush interval; the loader reads from the offset, in the order the records were
 * appended, and moves the offset once the database has them on disk. When the database has taken
 * everything the file starts over empty. A frame torn by a crash ends the journal: it is cut off at start.
 */
final class Journal implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Journal.class.getName());
    static final String FILE_NAME = "audit.journal";
    private static final String OFFSET_FILE_NAME = "audit.journal.offset";
    private static final int TAIL_BYTES = 1 << 16;
    /** Under half a heap region of a small heap: a larger array is allocated outside the young generation. */
    private static final int READ_BYTES = 1 << 18;

    /** Records read back from {@code startOffset}, and the offset just past each of them. */
    record Chunk(List<AuditEntry> entries, long[] ends, long startOffset) {
        long endOffset() {
            return entries.isEmpty() ? startOffset : ends[entries.size() - 1];
        }

        /** The first {@code count} records only. */
        Chunk first(int count) {
            return new Chunk(entries.subList(0, count), ends, startOffset);
        }
    }

    private final Path file;
    private final Path offsetFile;
    private final FileChannel channel;
    private long replayedOffset;
    /** Bytes in the file: everything before is written, whole frames only. */
    private long end;
    private long pending;
    /** Frames that deciding threads appended themselves, written with the journal writer's next write. */
    private final Frames tail = new Frames(TAIL_BYTES);
    private boolean unforced;
    /** Reused by the one thread that reads: the loader (or the constructor, before it starts). */
    private final ByteBuffer readBlock = ByteBuffer.allocate(READ_BYTES);
    /** At start the frames are only counted (their checksums checked): records are decoded when loaded. */
    private static final Function<ByteBuffer, AuditEntry> COUNT_ONLY = body -> null;

    Journal(Path folder) throws IOException {
        Files.createDirectories(folder);
        this.file = folder.resolve(FILE_NAME);
        this.offsetFile = folder.resolve(OFFSET_FILE_NAME);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        this.replayedOffset = readOffset(channel.size());
        this.end = replayedOffset;
        Chunk chunk;
        do {
            chunk = readChunk(end, channel.size(), 100_000, COUNT_ONLY);
            pending += chunk.entries().size();
            end = chunk.endOffset();
        } while (!chunk.entries().isEmpty());
        cutTornTail();
    }

    private void cutTornTail() throws IOException {
        long size = channel.size();
        if (size > end) {
            LOG.log(Level.WARNING, "audit journal " + file + ": " + (size - end)
                    + " bytes after the last whole record (torn by a crash) are cut off");
            channel.truncate(end);
        }
    }

    /** Records appended and not yet taken by the database. */
    synchronized long pending() {
        return pending;
    }

    synchronized boolean hasPending() {
        return pending > 0;
    }

    /** Writes the frames at the end of the file (after what deciding threads appended), not forced yet. */
    synchronized void append(Frames frames) throws IOException {
        writeTail();
        write(frames);
        pending += frames.frames();
    }

    /** For a deciding thread that found the buffer full: kept in memory until the journal writer's next write. */
    synchronized void appendLater(Frames frames) throws IOException {
        tail.addAll(frames);
        pending += frames.frames();
        if (tail.length() >= TAIL_BYTES) {
            writeTail();
        }
    }

    /** Writes what deciding threads appended and forces everything written to disk. */
    synchronized void sync() throws IOException {
        writeTail();
        if (unforced) {
            channel.force(false);
            unforced = false;
        }
    }

    private void writeTail() throws IOException {
        if (!tail.isEmpty()) {
            write(tail);
            tail.clear();
        }
    }

    private void write(Frames frames) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(frames.bytes(), 0, frames.length());
        long position = end;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        end = position;
        unforced = true;
    }

    /** Up to {@code max} records from where the database stopped taking them. */
    Chunk read(int max) throws IOException {
        long from;
        long to;
        synchronized (this) {
            writeTail(); // records counted as pending must be readable
            from = replayedOffset;
            to = end;
        }
        Chunk chunk = readChunk(from, to, max, RecordCodec::decode);
        if (chunk.entries().isEmpty() && from < to) {
            throw new IOException("audit journal " + file + " is damaged at byte " + from + " of " + to);
        }
        return chunk;
    }

    /** Whole frames from {@code from}, at most {@code max}, none past {@code limit}, each body decoded so. */
    private Chunk readChunk(long from, long limit, int max, Function<ByteBuffer, AuditEntry> decoder)
            throws IOException {
        List<AuditEntry> entries = new ArrayList<>();
        LongList ends = new LongList();
        long offset = from;
        CRC32C crc = new CRC32C();
        ByteBuffer block = readBlock;
        while (entries.size() < max && offset < limit) {
            block.clear().limit((int) Math.min(block.capacity(), limit - offset));
            readFully(block, offset);
            block.flip();
            int before = entries.size();
            ByteBuffer body;
            while (entries.size() < max && (body = Frames.next(block, crc)) != null) {
                entries.add(decoder.apply(body));
                ends.add(offset + block.position());
            }
            offset += block.position();
            if (entries.size() == before) {
                int needed = Frames.frameBytes(block);
                if (needed <= block.capacity() || needed < 0 || offset + needed > limit) {
                    break; // a torn or damaged frame, or the end of the file
                }
                block = ByteBuffer.allocate(needed); // a record larger than the block: once, for it alone
            }
        }
        return new Chunk(entries, ends.toArray(), from);
    }

    /** Offsets as they are read, without a box each. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private void readFully(ByteBuffer block, long position) throws IOException {
        while (block.hasRemaining()) {
            int read = channel.read(block, position + block.position());
            if (read < 0) {
                break;
            }
        }
    }

    /** Marks a chunk as safely in the database; when everything is, the file starts over empty. */
    synchronized void replayed(Chunk chunk) throws IOException {
        pending -= chunk.entries().size();
        replayedOffset = chunk.endOffset();
        if (pending <= 0 && tail.isEmpty() && replayedOffset == end) {
            pending = 0;
            replayedOffset = 0;
            // the offset is reset first: a crash between the two steps then replays, never skips
            writeOffset(0);
            channel.truncate(0);
            end = 0;
        } else {
            writeOffset(replayedOffset);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        sync();
        channel.close();
    }

    private long readOffset(long size) throws IOException {
        if (!Files.exists(offsetFile)) {
            return 0;
        }
        long offset = Long.parseLong(Files.readString(offsetFile).strip());
        return offset <= size ? offset : 0;
    }

    private void writeOffset(long offset) throws IOException {
        Path next = offsetFile.resolveSibling(OFFSET_FILE_NAME + ".next");
        Files.writeString(next, Long.toString(offset));
        Files.move(next, offsetFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
