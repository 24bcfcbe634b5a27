package dev.tandem.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Rule bundle jars for the deploy benchmark: the default rules under a new version, or generated rulesets. */
final class RuleBundleJar {
    static final String ONE_RULE = "rules.one-rule";
    private static final String HEADER = """
            package rules.generated;
            import dev.tandem.api.Interaction;
            import dev.tandem.api.Signal;
            import dev.tandem.api.rules.Decision;
            global Decision decision;
            """;

    private RuleBundleJar() {
    }

    static byte[] defaultRules(Path ruleProject, String version) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String folder : new String[] {"drl", "scenarios"}) {
            try (Stream<Path> paths = Files.list(ruleProject.resolve(folder))) {
                for (Path path : paths.sorted().toList()) {
                    files.put(folder + "/" + path.getFileName(), Files.readAllBytes(path));
                }
            }
        }
        return jar("rules.escalation-default", version, files);
    }

    /** {@code count} rules over attributes and signals, each a separate condition the engine must index. */
    static byte[] generated(int count) throws IOException {
        return generated(count, "1.0.0");
    }

    static byte[] generated(int count, String version) throws IOException {
        StringBuilder drl = new StringBuilder(HEADER);
        for (int i = 0; i < count; i++) {
            drl.append("rule \"generated rule ").append(i).append("\"\nwhen\n")
                    .append("    Interaction( number(\"k").append(i % 100).append("\") > ").append(i).append(" )\n")
                    .append("    Signal( name == \"g").append(i % 500).append("\", value >= 0.5 )\n")
                    .append("then\n    decision.escalate(\"general\", 50, \"g").append(i % 500).append("\");\nend\n");
        }
        String scenario = """
                {"name":"nothing matches","interaction":{"interactionId":"s","messages":[{"from":"customer","text":"x"}]},
                 "signals":{},"expect":{"route":"AI"}}
                """;
        return jar("rules.generated-" + count, version, Map.of("drl/generated.drl", bytes(drl.toString()),
                "scenarios/generated.json", bytes(scenario)));
    }

    /** A ruleset of one rule that keeps every interaction with the assistant: what a decision costs besides its rules. */
    static byte[] oneRule() {
        String drl = HEADER + """
                rule "everything stays with the AI assistant"
                when
                    Decision( !human )
                then
                    decision.keepWithAi("one rule");
                end
                """;
        String scenario = """
                {"name":"the assistant keeps it","interaction":{"interactionId":"s","messages":[{"from":"customer","text":"x"}]},
                 "signals":{},"expect":{"route":"AI"}}
                """;
        try {
            return jar(ONE_RULE, "1.0.0", Map.of("drl/one-rule.drl", bytes(drl), "scenarios/one-rule.json", bytes(scenario)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] jar(String name, String version, Map<String, byte[]> files) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", version);
        main.putValue("Require-Capability",
                "osgi.extender;filter:=\"(&(osgi.extender=dev.tandem.rules)(version>=1.0)(!(version>=2.0)))\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                jar.putNextEntry(new JarEntry(file.getKey()));
                jar.write(file.getValue());
                jar.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
