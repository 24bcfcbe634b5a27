package dev.tandem.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tandem.api.Problem;
import dev.tandem.api.RulesetRef;
import dev.tandem.rules.sandbox.HostileRules;

/** The engine's deploy-time sandbox: the jar before it is installed, then what Drools compiled, before it runs. */
class SandboxCheckTest {
    private static final String DRL = "drl/hostile.drl";
    private final RulesetCompiler compiler = new RulesetCompiler(getClass().getClassLoader());

    static List<HostileRules.Case> hostile() {
        return HostileRules.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void everyHostileBundleIsRefusedNamingItsRuleAndTheOffendingCall(HostileRules.Case hostile) throws IOException {
        List<Problem> problems = deployChecks(hostile);

        assertFalse(problems.isEmpty(), "not refused");
        assertTrue(problems.stream().anyMatch(p -> p.message().contains(hostile.culprit())
                && p.message().contains(hostile.offending())), problems::toString);
    }

    @Test
    void aRefusalPointsAtTheLineOfTheOffendingCall() throws IOException {
        HostileRules.Case exits = hostile().stream().filter(c -> c.culprit().equals("rule 'exits'")).findFirst().orElseThrow();
        Problem problem = deployChecks(exits).get(0);

        assertEquals(DRL, problem.file());
        assertEquals(HostileRules.Case.headerLines() + 3, problem.line(), problem::toString);
    }

    @Test
    void theDefaultRulesetStaysInsideTheSandbox() throws IOException {
        Path drl = Path.of(System.getProperty("tandem.root", "../.."), "rules", "escalation-default", "drl");
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(drl)) {
            for (Path path : paths.toList()) {
                files.put("drl/" + path.getFileName(), Files.readAllBytes(path));
            }
        }
        RulesetCompiler.Result result = compiler.compile(new RulesetRef("rules.escalation-default", "1.0.0"), files);

        assertEquals(List.of(), result.problems());
    }

    @Test
    void aManifestThatImportsMoreThanTheFactModelOrStartsCodeIsRefusedBeforeInstalling() throws IOException {
        Manifest manifest = manifest();
        manifest.getMainAttributes().putValue("Import-Package", "dev.tandem.api,org.osgi.framework");
        manifest.getMainAttributes().putValue("Bundle-Activator", "rules.hostile.Boot");
        List<Problem> problems = SandboxCheck.jar(jar(manifest, Map.of(DRL, HostileRules.HEADER.getBytes())));

        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.toString().contains("imports the package org.osgi.framework"), problems::toString);
        assertTrue(problems.toString().contains("Bundle-Activator"), problems::toString);
    }

    /** What deploying does: the jar is checked before it is installed, the compiled rules before they run. */
    private List<Problem> deployChecks(HostileRules.Case hostile) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>(hostile.classes());
        entries.put(DRL, hostile.drl().getBytes(StandardCharsets.UTF_8));
        List<Problem> problems = SandboxCheck.jar(jar(manifest(), entries));
        if (!problems.isEmpty()) {
            return problems;
        }
        return compiler.compile(new RulesetRef("rules.hostile", "1.0.0"),
                Map.of(DRL, hostile.drl().getBytes(StandardCharsets.UTF_8))).problems();
    }

    private static Manifest manifest() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-SymbolicName", "rules.hostile");
        main.putValue("Bundle-Version", "1.0.0");
        return manifest;
    }

    private static byte[] jar(Manifest manifest, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
