package dev.tandem.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Bearer tokens of the HTTP API: 256 random bits, and their stored form for a users entry of Config Admin PID
 * {@code dev.tandem.http.auth}: {@code name;roles;sha256:<salt>:<hash>} with hash = SHA-256(salt || token).
 */
public final class ApiTokens {
    /** The admin's token in the data folder: readable by its owner only. */
    public static final String ADMIN_TOKEN_FILE = "admin.token";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private ApiTokens() {
    }

    public static String newToken() {
        return "tdm_" + BASE64.encodeToString(randomBytes(32));
    }

    /** The users entry for a token: only its salted hash, never the token. */
    public static String userEntry(String name, String roles, String token) {
        byte[] salt = randomBytes(16);
        return name + ";" + roles + ";sha256:" + BASE64.encodeToString(salt) + ":" + BASE64.encodeToString(digest(salt, token));
    }

    /** The admin token kept in the data folder, made (with owner-only permissions) on the first start. */
    public record AdminToken(Path file, String token, boolean created) {
    }

    public static AdminToken adminToken(Path dataFolder) throws IOException {
        Path file = dataFolder.resolve(ADMIN_TOKEN_FILE);
        if (Files.exists(file)) {
            return new AdminToken(file, Files.readString(file, StandardCharsets.US_ASCII).strip(), false);
        }
        String token = newToken();
        Path partial = dataFolder.resolve(ADMIN_TOKEN_FILE + ".new");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(partial); // on Windows, the data folder's ACL applies
        } catch (FileAlreadyExistsException raced) {
            throw new IOException("another engine is creating " + file, raced);
        }
        Files.writeString(partial, token + "\n", StandardCharsets.US_ASCII);
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new AdminToken(file, token, true);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] digest(byte[] salt, String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
