package dev.tandem.http.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A stored token: {@code sha256:<salt>:<hash>} (base64url), hash = SHA-256(salt || token). Tokens are 256-bit
 * random values, so one salted SHA-256 is as strong as a slow password hash and cheap enough for every request.
 */
record TokenHash(byte[] salt, byte[] hash) {
    static final String SCHEME = "sha256";

    /** @throws IllegalArgumentException when the text is not in the stored form */
    static TokenHash parse(String stored) {
        String[] parts = stored.strip().split(":");
        if (parts.length != 3 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("a token hash must look like sha256:<salt>:<hash>");
        }
        Base64.Decoder base64 = Base64.getUrlDecoder();
        TokenHash parsed = new TokenHash(base64.decode(parts[1]), base64.decode(parts[2]));
        if (parsed.salt.length < 8 || parsed.hash.length != 32) {
            throw new IllegalArgumentException("a token hash needs a salt of 8 bytes or more and a 32-byte SHA-256");
        }
        return parsed;
    }

    /** Constant-time with respect to the stored hash: the comparison does not tell how much matched. */
    boolean matches(String token) {
        return MessageDigest.isEqual(hash, digest(salt, token));
    }

    static byte[] digest(byte[] salt, String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
