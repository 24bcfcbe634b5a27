package dev.tandem.workbench.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The default rule project, as loaded from the repository, and copies of it to change. */
final class Fixtures {
    static final Path DEFAULT_RULES = Path.of(System.getProperty("tandem.root", "../.."), "rules", "escalation-default");
    static final String ESCALATION = "drl/escalation.drl";
    static final String HEADER = """
            package rules.test;
            import dev.tandem.api.Interaction;
            import dev.tandem.api.Signal;
            import dev.tandem.api.rules.Decision;
            global Decision decision;
            """;

    private Fixtures() {
    }

    static RuleProject defaultProject() {
        try {
            return RuleProject.load(DEFAULT_RULES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default project with one more rule file. */
    static RuleProject withRules(String drlBody) {
        return defaultProject().withFile("drl/extra.drl", HEADER + drlBody);
    }

    static RuleProject replaced(String file, String text, String replacement) {
        RuleProject project = defaultProject();
        String content = project.allFiles().get(file);
        if (content == null || !content.contains(text)) {
            throw new IllegalArgumentException(file + " does not contain " + text);
        }
        return project.withFile(file, content.replace(text, replacement));
    }

    /** The 1-based line and column where a snippet first occurs in a file of the default project. */
    static int[] placeOf(String file, String snippet) {
        String text = defaultProject().allFiles().get(file);
        int offset = text.indexOf(snippet);
        if (offset < 0) {
            throw new IllegalArgumentException(file + " does not contain " + snippet);
        }
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        return new int[] {(int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1,
                offset - lineStart + 1};
    }

    /** A copy of the default project on disk, for the CLI. */
    static Path copyOfDefault(Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(DEFAULT_RULES)) {
            for (Path source : (Iterable<Path>) paths.filter(p -> !p.toString().contains("target"))::iterator) {
                Path copy = target.resolve(DEFAULT_RULES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }

    /** Rewrites a file of a project on disk. */
    static void edit(Path project, String file, String text, String replacement) throws IOException {
        Path path = project.resolve(file);
        String content = Files.readString(path);
        if (!content.contains(text)) {
            throw new IllegalArgumentException(file + " does not contain " + text);
        }
        Files.writeString(path, content.replace(text, replacement));
    }
}
