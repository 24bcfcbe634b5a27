package dev.tandem.workbench.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.tandem.workbench.core.internal.PomMetadata;

/**
 * An analyst's rule project as it is on disk (or in editors): {@code drl/**.drl} rule files,
 * {@code scenarios/*.json} self-tests, and a {@code pom.xml} whose artifactId is the ruleset
 * name and whose version is the ruleset version. Paths are relative to the folder, with {@code /}.
 */
public record RuleProject(Path folder, String name, String version, String title,
                          SortedMap<String, String> drlFiles, SortedMap<String, String> scenarioFiles) {
    public static final String DRL_FOLDER = "drl";
    public static final String SCENARIO_FOLDER = "scenarios";

    public RuleProject {
        drlFiles = Collections.unmodifiableSortedMap(new TreeMap<>(drlFiles));
        scenarioFiles = Collections.unmodifiableSortedMap(new TreeMap<>(scenarioFiles));
    }

    /** Reads a project folder; the name and version come from its pom.xml, else from the folder name and 1.0.0. */
    public static RuleProject load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder");
        }
        PomMetadata pom = PomMetadata.read(folder.resolve("pom.xml"),
                "rules." + folder.toAbsolutePath().normalize().getFileName());
        return new RuleProject(folder, pom.artifactId(), pom.version(), pom.name(),
                files(folder, DRL_FOLDER, ".drl"), files(folder, SCENARIO_FOLDER, ".json"));
    }

    /** The same project with one file's text replaced or added, e.g. what an editor holds unsaved. */
    public RuleProject withFile(String path, String text) {
        SortedMap<String, String> drl = new TreeMap<>(drlFiles);
        SortedMap<String, String> scenarios = new TreeMap<>(scenarioFiles);
        (path.endsWith(".drl") ? drl : scenarios).put(path, text);
        return new RuleProject(folder, name, version, title, drl, scenarios);
    }

    /** The same project under another version, e.g. the next one to deploy. */
    public RuleProject withVersion(String newVersion) {
        return new RuleProject(folder, name, newVersion, title, drlFiles, scenarioFiles);
    }

    private static SortedMap<String, String> files(Path folder, String subfolder, String suffix) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        Path root = folder.resolve(subfolder);
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.filter(p -> p.toString().endsWith(suffix)).sorted()::iterator) {
                files.put(relative(folder, path), Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** Every file by its project path: what goes into the rule bundle. */
    public Map<String, String> allFiles() {
        SortedMap<String, String> all = new TreeMap<>(drlFiles);
        all.putAll(scenarioFiles);
        return all;
    }
}
