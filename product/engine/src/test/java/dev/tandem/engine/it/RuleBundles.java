package dev.tandem.engine.it;

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

/** Builds rule bundle jars for tests: a name, a version, DRL files and scenario files. */
final class RuleBundles {
    static final Path DEFAULT_RULES = Path.of(System.getProperty("tandem.root", "../.."), "rules", "escalation-default");
    static final String HEADER = """
            package rules.test;
            import dev.tandem.api.Interaction;
            import dev.tandem.api.Signal;
            import dev.tandem.api.rules.Decision;
            global Decision decision;
            """;

    private final Map<String, String> files = new LinkedHashMap<>();
    private final String name;
    private final String version;

    private RuleBundles(String name, String version) {
        this.name = name;
        this.version = version;
    }

    static RuleBundles bundle(String name, String version) {
        return new RuleBundles(name, version);
    }

    /** The default ruleset's own files, to change one thing in. */
    static RuleBundles defaultRules(String version) {
        RuleBundles bundle = bundle("rules.escalation-default", version);
        for (String folder : new String[] {"drl", "scenarios"}) {
            try (Stream<Path> paths = Files.list(DEFAULT_RULES.resolve(folder))) {
                paths.sorted().forEach(p -> bundle.file(folder + "/" + p.getFileName(), read(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundle;
    }

    RuleBundles file(String path, String content) {
        files.put(path, content);
        return this;
    }

    RuleBundles replace(String path, String text, String replacement) {
        String content = files.get(path);
        if (content == null || !content.contains(text)) {
            throw new IllegalArgumentException(path + " does not contain " + text);
        }
        return file(path, content.replace(text, replacement));
    }

    byte[] jar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", version);
        main.putValue("Require-Capability",
                "osgi.extender;filter:=\"(&(osgi.extender=dev.tandem.rules)(version>=1.0)(!(version>=2.0)))\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                jar.putNextEntry(new JarEntry(file.getKey()));
                jar.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String interaction(String id, String text, String attributesJson) {
        return """
                {"interactionId":"%s","channel":"chat","language":"en","customer":{"id":"u-1","tier":"standard"},
                 "messages":[{"from":"customer","text":"%s"}],"aiConfidence":0.9,"attributes":%s}
                """.formatted(id, text, attributesJson);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
