package dev.tandem.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiUserTest {
    static final byte[] SALT = "0123456789abcdef".getBytes();

    static String entry(String name, String roles, String token) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return name + ";" + roles + ";sha256:" + base64.encodeToString(SALT) + ":"
                + base64.encodeToString(TokenHash.digest(SALT, token));
    }

    @Test
    void readsAUserAndChecksItsToken() {
        ApiUser alice = ApiUser.parse(entry("alice", "deployer, auditor", "s3cret-token"));

        assertEquals("alice", alice.name());
        assertEquals(Set.of(Role.DEPLOYER, Role.AUDITOR), alice.roles());
        assertTrue(alice.token().matches("s3cret-token"));
        assertFalse(alice.token().matches("s3cret-tokeN"));
        assertFalse(alice.token().matches(""));
    }

    @ParameterizedTest(name = "{0} may {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            admin    | DECIDE   | true
            admin    | READ     | true
            admin    | DEPLOY   | true
            admin    | ROLLBACK | true
            deployer | DECIDE   | false
            deployer | READ     | true
            deployer | DEPLOY   | true
            deployer | ROLLBACK | true
            auditor  | DECIDE   | false
            auditor  | READ     | true
            auditor  | DEPLOY   | false
            auditor  | ROLLBACK | false
            channel  | DECIDE   | true
            channel  | READ     | false
            channel  | DEPLOY   | false
            channel  | ROLLBACK | false
            """)
    void rolesGrantTheirPermissions(String role, Permission permission, boolean granted) {
        assertEquals(granted, ApiUser.parse(entry("u", role, "t")).may(permission));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice;admin", "alice;root;sha256:MDEyMzQ1Njc4OWFiY2RlZg:AAAA", ";admin;x",
            "al ice;admin;sha256:MDEyMzQ1Njc4OWFiY2RlZg:AAAA", "alice;admin;md5:a:b", "alice;admin;sha256:AA:AA"})
    void refusesMalformedEntries(String entry) {
        assertThrows(IllegalArgumentException.class, () -> ApiUser.parse(entry));
    }
}
