package dev.tandem.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBundlePackagerTest {
    private final RuleBundlePackager packager = new RuleBundlePackager();

    @Test
    void theJarHasTheHeadersAndFilesOfTheMavenBuiltRuleBundle() throws IOException {
        byte[] ours = packager.build(Fixtures.defaultProject());
        byte[] maven = Files.readAllBytes(mavenBuiltDefaultRules());
        for (String header : new String[] {"Bundle-ManifestVersion", "Bundle-SymbolicName", "Bundle-Version",
                "Bundle-Name", "Require-Capability"}) {
            assertEquals(mainAttributes(maven).getValue(header), mainAttributes(ours).getValue(header), header);
        }
        assertEquals(ruleFiles(maven), ruleFiles(ours));
    }

    @Test
    void unsavedEditsAndANewVersionGoIntoTheJar() throws IOException {
        RuleProject project = Fixtures.defaultProject().withVersion("1.4.2").withFile("drl/extra.drl", "// new");
        byte[] jar = packager.build(project);
        assertEquals("1.4.2", mainAttributes(jar).getValue("Bundle-Version"));
        assertTrue(ruleFiles(jar).contains("drl/extra.drl"));
    }

    @Test
    void writeNamesTheJarAfterTheRulesetAndVersion(@TempDir Path out) throws IOException {
        Path jar = packager.write(Fixtures.defaultProject(), out);
        assertEquals(out.resolve("rules.escalation-default-1.0.0.jar"), jar);
        assertTrue(Files.size(jar) > 0);
    }

    /** The rule bundle jar the Maven build made, a test dependency of this module. */
    static Path mavenBuiltDefaultRules() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith("rules.escalation-default")).findFirst()
                .orElseThrow(() -> new AssertionError("rules.escalation-default is not on the test class path"));
    }

    static Attributes mainAttributes(byte[] jar) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            return in.getManifest().getMainAttributes();
        }
    }

    static Set<String> ruleFiles(byte[] jar) throws IOException {
        Set<String> files = new TreeSet<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (!entry.isDirectory() && (entry.getName().endsWith(".drl") || entry.getName().endsWith(".json"))) {
                    files.add(entry.getName());
                }
            }
        }
        return files;
    }
}
