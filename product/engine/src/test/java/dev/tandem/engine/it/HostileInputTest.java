package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hostile interactions answer 400 problems naming what is wrong; hostile rule bundles answer 422 with the reason,
 * refused before anything is installed; after each, the engine still decides with the version it had.
 */
class HostileInputTest extends OneEngineForTheClass {
    static final String MANIFEST = """
            Manifest-Version: 1.0
            Bundle-ManifestVersion: 2
            Bundle-SymbolicName: rules.escalation-default
            Bundle-Version: 9.9.9
            Require-Capability: osgi.extender;filter:="(osgi.extender=dev.tandem.rules)"
            """;

    @AfterEach
    void theEngineStillDecidesWithTheVersionItHad() throws Exception {
        JsonNode decision = engine.decide(RuleBundles.interaction("still-1", "I want to talk to a real person", "{}"));
        assertEquals("1.0.0", decision.path("ruleset").path("version").asText(), decision::toString);
    }

    static Stream<Arguments> hostileInteractions() {
        String ok = "{\"interactionId\":\"h\",\"messages\":[{\"from\":\"customer\",\"text\":\"hi\"}]";
        return Stream.of(
                Arguments.of("too many messages", json("{\"interactionId\":\"h\",\"messages\":["
                        + "{\"from\":\"customer\",\"text\":\"x\"},".repeat(200) + "{\"from\":\"customer\",\"text\":\"x\"}]}"),
                        "messages", "at most 200"),
                Arguments.of("text too long", json("{\"interactionId\":\"h\",\"messages\":[{\"from\":\"customer\",\"text\":\""
                        + "a".repeat(10_001) + "\"}]}"), "messages[0].text", "10000"),
                Arguments.of("nested too deep", json(ok + ",\"attributes\":{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}}"),
                        "", "nested deeper than 32"),
                Arguments.of("too many attributes", json(ok + ",\"attributes\":{" + attributes(65) + "}}"),
                        "attributes", "at most 64"),
                Arguments.of("invalid UTF-8", concat(json(ok.replace("hi", "h")), new byte[] {(byte) 0xC3, (byte) 0x28},
                        json("\"}]}")), "", "not valid UTF-8"),
                Arguments.of("overlong UTF-8 slash", concat(json(ok.replace("hi", "")), new byte[] {(byte) 0xC0, (byte) 0xAF},
                        json("\"}]}")), "", "not valid UTF-8"),
                Arguments.of("messages is a string", json("{\"interactionId\":\"h\",\"messages\":\"hi\"}"), "messages", "array"),
                Arguments.of("interactionId is a number", json("{\"interactionId\":7,\"messages\":[]}"), "interactionId", "string"),
                Arguments.of("attribute is an object", json(ok + ",\"attributes\":{\"a\":{\"b\":1}}}"), "attributes.a", "expected"),
                Arguments.of("unknown field", json(ok + ",\"__proto__\":{}}"), "__proto__", ""),
                Arguments.of("unknown nested field", json("{\"interactionId\":\"h\",\"messages\":[{\"from\":\"c\",\"text\":\"x\",\"html\":1}]}"),
                        "messages[0].html", ""),
                Arguments.of("duplicate key", json("{\"interactionId\":\"h\",\"interactionId\":\"i\",\"messages\":[]}"), "", "Duplicate"),
                Arguments.of("huge number", json(ok + ",\"aiConfidence\":1" + "0".repeat(2_000) + "}"), "", ""),
                Arguments.of("trailing content", json(ok + "}{}"), "", "after the JSON value"),
                Arguments.of("empty body", new byte[0], "", "empty"),
                Arguments.of("a bare string", json("\"hello\""), "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInteractions")
    void hostileInteractionsAre400ProblemsNamingTheProblem(String name, byte[] body, String field, String says)
            throws Exception {
        RunningEngine.Response response = engine.send("POST", "/api/v1/decisions", engine.token("channel"),
                "application/json", body);

        assertEquals(400, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        JsonNode problem = response.json();
        if (!field.isEmpty()) {
            assertEquals(field, problem.path("field").asText(), problem::toString);
        }
        assertTrue(problem.path("detail").asText().contains(says), problem::toString);
    }

    static Stream<Arguments> hostileBundles() throws IOException {
        return Stream.of(
                Arguments.of("not a jar", "<html>no</html>".getBytes(StandardCharsets.UTF_8), "not a jar"),
                Arguments.of("a zip bomb", bundle("drl/bomb.drl", new byte[30 * 1024 * 1024]), "zip bomb"),
                Arguments.of("path traversal", bundle("../../../../tmp/evil.drl", "x".getBytes()), "path traversal"),
                Arguments.of("absolute path", bundle("/etc/cron.d/evil", "x".getBytes()), "absolute path"),
                Arguments.of("a nested jar", bundle("lib/evil.jar", "x".getBytes()), "nested archive"),
                Arguments.of("a huge manifest", withManifest(MANIFEST + ("X-Junk: " + "a".repeat(60) + "\n").repeat(2_000)),
                        "manifest larger"),
                Arguments.of("a malformed manifest", withManifest("Manifest-Version: 1.0\nno colon on this line\n"), "malformed manifest"),
                Arguments.of("an activator", withManifest(MANIFEST + "Bundle-Activator: rules.Evil\n"), "Bundle-Activator"),
                Arguments.of("a fragment of the engine", withManifest(MANIFEST + "Fragment-Host: dev.tandem.engine\n"),
                        "Fragment-Host"),
                Arguments.of("a truncated jar", java.util.Arrays.copyOf(bundle("drl/a.drl", "x".getBytes()), 60),
                        "not a readable jar"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBundles")
    void hostileRuleBundlesAre422WithTheReason(String name, byte[] jar, String reason) throws Exception {
        RunningEngine.Response response = engine.postJar(jar, "deployer");

        assertEquals(422, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertTrue(response.body().contains(reason), response.body());
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String attributes(int count) {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < count; i++) {
            attributes.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":").append(i);
        }
        return attributes.toString();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static byte[] bundle(String entry, byte[] content) throws IOException {
        return jar(MANIFEST, entry, content);
    }

    private static byte[] withManifest(String manifest) throws IOException {
        return jar(manifest, "drl/a.drl", "package rules;".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] jar(String manifest, String entry, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
