package dev.tandem.engine.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tandem.api.RulesetRejectedException;

class RuleBundleArchiveTest {
    static final String MANIFEST = """
            Manifest-Version: 1.0
            Bundle-ManifestVersion: 2
            Bundle-SymbolicName: rules.hostile
            Bundle-Version: 1.0.0
            Require-Capability: osgi.extender;filter:="(osgi.extender=dev.tandem.rules)"
            """;
    static final String RULE = "package rules;\nrule \"r\" when then end\n";

    static byte[] jar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] ruleBundle(String manifest, String extraName, byte[] extra) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", manifest.getBytes(StandardCharsets.UTF_8));
        entries.put("rules/r.drl", RULE.getBytes(StandardCharsets.UTF_8));
        if (extraName != null) {
            entries.put(extraName, extra);
        }
        return jar(entries);
    }

    static byte[] withEntry(String name) throws IOException {
        return ruleBundle(MANIFEST, name, "x".getBytes(StandardCharsets.UTF_8));
    }

    static byte[] withHeader(String header) throws IOException {
        return ruleBundle(MANIFEST + header + "\n", null, null);
    }

    @Test
    void acceptsAPlainRuleBundle() throws Exception {
        byte[] jar = ruleBundle(MANIFEST, "scenarios/a.json", "{}".getBytes(StandardCharsets.UTF_8));
        assertDoesNotThrow(() -> RuleBundleArchive.check(jar));
    }

    static Stream<Arguments> hostileJars() throws IOException {
        byte[] zeros = new byte[20 * 1024 * 1024];
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= RuleBundleArchive.MAX_ENTRIES; i++) {
            many.put("f/" + i, new byte[0]);
        }
        Map<String, byte[]> spread = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            spread.put("data/" + i, new byte[12 * 1024 * 1024]);
        }
        return Stream.of(
                Arguments.of("not a zip", "hello, I am a text file".getBytes(StandardCharsets.UTF_8), "no entries"),
                Arguments.of("truncated zip", java.util.Arrays.copyOf(withEntry("a.txt"), 40), "not a readable jar"),
                Arguments.of("one entry inflating to 20 MiB", ruleBundle(MANIFEST, "bomb.txt", zeros), "zip bomb"),
                Arguments.of("entries inflating past the total", jar(spread), "zip bomb"),
                Arguments.of("too many entries", jar(many), "more than " + RuleBundleArchive.MAX_ENTRIES),
                Arguments.of("dot-dot entry", withEntry("../../etc/cron.d/evil"), "path traversal"),
                Arguments.of("dot-dot inside", withEntry("rules/../../evil.drl"), "path traversal"),
                Arguments.of("absolute entry", withEntry("/etc/passwd"), "absolute path"),
                Arguments.of("windows drive entry", withEntry("C:/Windows/evil.dll"), "absolute path"),
                Arguments.of("backslash traversal", withEntry("..\\..\\evil"), "path traversal"),
                Arguments.of("overlong name", withEntry("a/".repeat(300)), "longer than"),
                Arguments.of("nested jar", withEntry("lib/helper.jar"), "nested archive"),
                Arguments.of("nested zip", withEntry("x/IMAGES.ZIP"), "nested archive"),
                Arguments.of("huge manifest", ruleBundle(MANIFEST + "X-Padding: " + "a".repeat(70) + "\n "
                        .concat("b".repeat(69) + "\n ").repeat(1000) + "c\n", null, null), "manifest larger"),
                Arguments.of("malformed manifest", ruleBundle("Manifest-Version 1.0\n: nothing\n", null, null),
                        "malformed manifest"),
                Arguments.of("activator", withHeader("Bundle-Activator: rules.Evil"), "Bundle-Activator"),
                Arguments.of("native code", withHeader("Bundle-NativeCode: evil.so"), "Bundle-NativeCode"),
                Arguments.of("fragment of the engine", withHeader("Fragment-Host: dev.tandem.engine"), "Fragment-Host"),
                Arguments.of("dynamic imports", withHeader("DynamicImport-Package: *"), "DynamicImport-Package"),
                Arguments.of("wider class path", withHeader("Bundle-ClassPath: .,lib/"), "Bundle-ClassPath"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileJars")
    void refusesHostileJarsNamingTheReason(String name, byte[] jar, String reason) {
        RulesetRejectedException refused = assertThrows(RulesetRejectedException.class,
                () -> RuleBundleArchive.check(jar));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    @Test
    void refusesADuplicatedEntry() throws Exception {
        // the zip writer refuses duplicates: write another name of the same length, then rename it in the bytes
        byte[] jar = withEntry("rules/r.drX");
        String renamed = new String(jar, StandardCharsets.ISO_8859_1).replace("rules/r.drX", "rules/r.drl");
        RulesetRejectedException refused = assertThrows(RulesetRejectedException.class,
                () -> RuleBundleArchive.check(renamed.getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(refused.getMessage().contains("appears twice"), refused.getMessage());
    }

    @Test
    void refusesANulInAName() throws Exception {
        byte[] jar = withEntry("rules/x.drlX");
        String renamed = new String(jar, StandardCharsets.ISO_8859_1).replace("rules/x.drlX", "rules/x.drl\0");
        RulesetRejectedException refused = assertThrows(RulesetRejectedException.class,
                () -> RuleBundleArchive.check(renamed.getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(refused.getMessage().contains("NUL"), refused.getMessage());
    }
}
