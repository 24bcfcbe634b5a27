package dev.tandem.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The data folder's record of deployed rule bundles: the jars, and
 * {@code deployments.json} listing them oldest first, so that a restart
 * brings back the same versions in the same order (the last one active).
 */
final class DeploymentLog {
    /** One deployed jar as written to disk. */
    record Entry(String name, String version, Path jar, Instant deployedAt, String deployedBy) {
    }

    private static final String INDEX = "deployments.json";
    private final Path folder;
    private final Path retired;
    private final ObjectMapper mapper = new ObjectMapper();

    DeploymentLog(Path dataFolder) throws IOException {
        this.folder = Files.createDirectories(dataFolder.resolve("rulesets"));
        this.retired = Files.createDirectories(folder.resolve("retired"));
    }

    Path store(String name, String version, byte[] jar) throws IOException {
        Path target = folder.resolve(safe(name) + "-" + safe(version) + ".jar");
        Path temporary = Files.createTempFile(folder, "incoming", ".jar");
        Files.write(temporary, jar);
        return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Keeps a rolled-back or superseded jar out of the way, but not lost. */
    void retire(Path jar) throws IOException {
        if (jar != null && Files.exists(jar)) {
            Files.move(jar, retired.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    void discard(Path jar) throws IOException {
        if (jar != null) {
            Files.deleteIfExists(jar);
        }
    }

    List<Entry> read() throws IOException {
        Path index = folder.resolve(INDEX);
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(index)) {
            return entries;
        }
        for (JsonNode node : mapper.readTree(index.toFile())) {
            entries.add(new Entry(node.path("name").asText(), node.path("version").asText(),
                    folder.resolve(node.path("jar").asText()), Instant.parse(node.path("deployedAt").asText()),
                    node.path("deployedBy").asText()));
        }
        return entries;
    }

    void write(List<Entry> entries) throws IOException {
        ArrayNode array = mapper.createArrayNode();
        for (Entry entry : entries) {
            ObjectNode node = array.addObject();
            node.put("name", entry.name());
            node.put("version", entry.version());
            node.put("jar", entry.jar().getFileName().toString());
            node.put("deployedAt", entry.deployedAt().toString());
            node.put("deployedBy", entry.deployedBy());
        }
        Path temporary = Files.createTempFile(folder, INDEX, ".tmp");
        mapper.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), array);
        Files.move(temporary, folder.resolve(INDEX), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String safe(String part) {
        return part.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
