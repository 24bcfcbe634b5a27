package dev.tandem.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The tamper evidence: each record's hash covers its sequence number, its values and the previous
 * record's hash, so changing, inserting or deleting any record breaks every hash after it.
 */
final class HashChain {
    static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001f';
    private static final char NULL = '\u0000';
    private static final HexFormat HEX = HexFormat.of();
    /** MessageDigest.getInstance looks the provider up each time: one digest per thread instead. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(HashChain::sha256);
    private static final ThreadLocal<Utf8Text> TEXT = ThreadLocal.withInitial(Utf8Text::new);

    private HashChain() {
    }

    static String hash(String previousHash, long sequence, List<String> values) {
        Utf8Text text = TEXT.get().reset().append(previousHash).append(SEPARATOR).append(Long.toString(sequence));
        for (String value : values) {
            text.append(SEPARATOR);
            if (value == null) {
                text.append(NULL);
            } else {
                text.append(value);
            }
        }
        MessageDigest sha256 = SHA_256.get();
        sha256.update(text.bytes, 0, text.length);
        return HEX.formatHex(sha256.digest());
    }

    /**
     * The UTF-8 bytes of the joined text, built without joining it first: a separator is ASCII, so each
     * value encodes on its own exactly as it would within the joined text.
     */
    private static final class Utf8Text {
        private byte[] bytes = new byte[1024];
        private int length;

        Utf8Text reset() {
            length = 0;
            return this;
        }

        Utf8Text append(char ascii) {
            reserve(1);
            bytes[length++] = (byte) ascii;
            return this;
        }

        Utf8Text append(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            reserve(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
            return this;
        }

        private void reserve(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
