package dev.tandem.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {
    @TempDir
    Path data;

    @Test
    void theFirstStartMakesAnOwnerOnlyTokenFileAndLaterStartsReuseIt() throws Exception {
        ApiTokens.AdminToken first = ApiTokens.adminToken(data);
        ApiTokens.AdminToken second = ApiTokens.adminToken(data);

        assertTrue(first.created());
        assertFalse(second.created());
        assertEquals(first.token(), second.token());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file())));
        assertEquals(first.token(), Files.readString(data.resolve("admin.token")).strip());
    }

    @Test
    void theTokenIsShownOnceThenOnlyWhereItIs() throws Exception {
        ApiTokens.AdminToken first = ApiTokens.adminToken(data);
        String shown = Main.adminTokenNotice(first);
        String later = Main.adminTokenNotice(ApiTokens.adminToken(data));

        assertTrue(shown.contains(first.token()), shown);
        assertFalse(later.contains(first.token()), later);
        assertTrue(later.contains(first.file().toAbsolutePath().toString()), later);
    }

    @Test
    void tokensAreRandomAndEntriesHoldOnlyTheirSaltedHash() {
        String token = ApiTokens.newToken();
        String entry = ApiTokens.userEntry("alice", "deployer", token);

        assertNotEquals(token, ApiTokens.newToken());
        assertTrue(token.matches("tdm_[A-Za-z0-9_-]{43}"), token);
        assertTrue(entry.matches("alice;deployer;sha256:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]{43}"), entry);
        assertFalse(entry.contains(token.substring(4)));
        assertNotEquals(entry, ApiTokens.userEntry("alice", "deployer", token), "each entry has its own salt");
    }
}
