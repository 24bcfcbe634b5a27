package dev.tandem.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    private HashChain() {
    }

    static String hash(String previousHash, long sequence, List<String> values) {
        StringBuilder text = new StringBuilder(256).append(previousHash).append(SEPARATOR).append(sequence);
        for (String value : values) {
            text.append(SEPARATOR);
            if (value == null) {
                text.append(NULL);
            } else {
                text.append(value);
            }
        }
        return HEX.formatHex(SHA_256.get().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
