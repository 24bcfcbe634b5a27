package dev.tandem.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Journal frames in a growing byte array, reused from batch to batch: each frame is its body's length,
 * the body's CRC-32C and the body. A frame whose length or checksum does not fit was torn by a crash.
 */
final class Frames {
    static final int HEADER_BYTES = 8;
    /** Larger than any record: a length beyond it is a torn or damaged frame, not a record. */
    static final int MAX_BODY_BYTES = 1 << 26;

    private byte[] bytes;
    private int length;
    private int frames;
    private int frameStart = -1;
    private final CRC32C crc = new CRC32C();

    Frames(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    /** Encodes one record as a frame. */
    void add(PendingRecord record) {
        int mark = length;
        begin();
        try {
            RecordCodec.encode(record, this);
        } catch (RuntimeException e) {
            length = mark;
            throw e;
        }
        end();
    }

    private void begin() {
        frameStart = length;
        reserve(HEADER_BYTES);
        length += HEADER_BYTES;
    }

    private void end() {
        int bodyStart = frameStart + HEADER_BYTES;
        int bodyLength = length - bodyStart;
        crc.reset();
        crc.update(bytes, bodyStart, bodyLength);
        ByteBuffer header = ByteBuffer.wrap(bytes, frameStart, HEADER_BYTES);
        header.putInt(bodyLength).putInt((int) crc.getValue());
        frames++;
        frameStart = -1;
    }

    /** Appends another buffer's frames. */
    void addAll(Frames other) {
        reserve(other.length);
        System.arraycopy(other.bytes, 0, bytes, length, other.length);
        length += other.length;
        frames += other.frames;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    int frames() {
        return frames;
    }

    boolean isEmpty() {
        return frames == 0;
    }

    void clear() {
        length = 0;
        frames = 0;
    }

    void putByte(byte value) {
        reserve(1);
        bytes[length++] = value;
    }

    void putInt(int value) {
        reserve(4);
        ByteBuffer.wrap(bytes, length, 4).putInt(value);
        length += 4;
    }

    void putLong(long value) {
        reserve(8);
        ByteBuffer.wrap(bytes, length, 8).putLong(value);
        length += 8;
    }

    /** UTF-8 with its length in front; -1 for null. */
    void putString(String value) {
        if (value == null) {
            putInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        putInt(utf8.length);
        reserve(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    static String string(ByteBuffer in) {
        int size = in.getInt();
        if (size < 0) {
            return null;
        }
        String value = new String(in.array(), in.arrayOffset() + in.position(), size, StandardCharsets.UTF_8);
        in.position(in.position() + size);
        return value;
    }

    private void reserve(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    /** Bytes from {@code in}'s position to the end of the frame that starts there; -1 when no frame can start there. */
    static int frameBytes(ByteBuffer in) {
        if (in.remaining() < HEADER_BYTES) {
            return HEADER_BYTES;
        }
        int bodyLength = in.getInt(in.position());
        return bodyLength < 0 || bodyLength > MAX_BODY_BYTES ? -1 : HEADER_BYTES + bodyLength;
    }

    /**
     * The body of the frame at {@code in}'s position, and {@code in} moved past it; null when no complete,
     * intact frame starts there (the end of the journal, or a frame a crash tore).
     */
    static ByteBuffer next(ByteBuffer in, CRC32C crc) {
        if (in.remaining() < HEADER_BYTES) {
            return null;
        }
        int start = in.position();
        int bodyLength = in.getInt(start);
        int checksum = in.getInt(start + 4);
        if (bodyLength < 0 || bodyLength > MAX_BODY_BYTES || in.remaining() < HEADER_BYTES + bodyLength) {
            return null;
        }
        crc.reset();
        crc.update(in.array(), in.arrayOffset() + start + HEADER_BYTES, bodyLength);
        if ((int) crc.getValue() != checksum) {
            return null;
        }
        ByteBuffer body = ByteBuffer.wrap(in.array(), in.arrayOffset() + start + HEADER_BYTES, bodyLength).slice();
        in.position(start + HEADER_BYTES + bodyLength);
        return body;
    }
}
