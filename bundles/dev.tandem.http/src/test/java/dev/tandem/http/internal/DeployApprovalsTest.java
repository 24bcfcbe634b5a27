package dev.tandem.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeployApprovalsTest {
    final DeployApprovals approvals = new DeployApprovals();

    static byte[] ruleBundle(String name, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", name);
        manifest.getMainAttributes().putValue("Bundle-Version", version);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JarOutputStream(bytes, manifest).close();
        return bytes.toByteArray();
    }

    @Test
    void aHeldDeployIsApprovedOnceBySomeoneElse() throws Exception {
        byte[] jar = ruleBundle("rules.a", "1.0.1");
        DeployApprovals.Pending held = approvals.hold(jar, "alice");
        assertEquals("rules.a", held.name());
        assertEquals("1.0.1", held.version());
        assertEquals("/api/v1/rulesets/rules.a/1.0.1/approve", DeployApprovals.approvePath(held));

        HttpProblem own = assertThrows(HttpProblem.class, () -> approvals.approve("rules.a", "1.0.1", "alice"));
        assertEquals(403, own.status());
        assertArrayEquals(jar, approvals.approve("rules.a", "1.0.1", "bob").jar());
        HttpProblem again = assertThrows(HttpProblem.class, () -> approvals.approve("rules.a", "1.0.1", "bob"));
        assertEquals(404, again.status());
    }

    @Test
    void holdsOnlySoMany() throws Exception {
        for (int i = 0; i < DeployApprovals.MAX_PENDING; i++) {
            approvals.hold(ruleBundle("rules.a", "1.0." + i), "alice");
        }
        HttpProblem full = assertThrows(HttpProblem.class,
                () -> approvals.hold(ruleBundle("rules.a", "2.0.0"), "alice"));
        assertEquals(409, full.status());
    }

    @Test
    void aJarWithoutNameIsNotHeld() {
        HttpProblem refused = assertThrows(HttpProblem.class,
                () -> approvals.hold("PK not really".getBytes(StandardCharsets.UTF_8), "alice"));
        assertEquals(422, refused.status());
    }

    @Test
    void findsTheApprovalPath() {
        assertArrayEquals(new String[] {"rules.a", "1.0.1"}, DeployApprovals.approvalTarget("/rules.a/1.0.1/approve"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rules.a/approve", "/rules.a/1.0/approve/x", "//1.0/approve", "/rules.a/1.0/files", ""})
    void nothingElseIsAnApproval(String pathInfo) {
        assertNull(DeployApprovals.approvalTarget(pathInfo));
    }
}
