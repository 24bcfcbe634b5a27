package dev.tandem.rules.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of hostile rule bundles ({@code hostile-rules.txt}) that the sandbox's, the engine's and the
 * workbench's tests share: each case must be refused with a reason naming its rule and its offending call.
 */
public final class HostileRules {
    public static final String HEADER = """
            package rules.hostile;
            import dev.tandem.api.Interaction;
            import dev.tandem.api.Signal;
            import dev.tandem.api.rules.Decision;
            global Decision decision;
            """;

    /**
     * One hostile rule bundle.
     *
     * @param name      what the case tries
     * @param culprit   the rule, function or class the reason must name
     * @param offending the call, type or construct the reason must name
     * @param drl       the whole DRL file (header included)
     * @param classes   class files the bundle carries, path in the jar to bytes
     */
    public record Case(String name, String culprit, String offending, String drl, Map<String, byte[]> classes) {
        /** The header's lines come first: a line number in the case's own text is this much further on in the file. */
        public static int headerLines() {
            return (int) HEADER.lines().count();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private HostileRules() {
    }

    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        String[] blocks = read("hostile-rules.txt").split("(?m)^### ");
        for (int i = 1; i < blocks.length; i++) {
            cases.add(parse(blocks[i]));
        }
        return cases;
    }

    private static Case parse(String block) {
        int endOfTitle = block.indexOf('\n');
        String[] title = block.substring(0, endOfTitle).split("\\|");
        StringBuilder drl = new StringBuilder(HEADER);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String line : block.substring(endOfTitle + 1).split("\n")) {
            if (line.startsWith("@class ")) {
                String path = line.substring("@class ".length()).strip();
                classes.put(path, bytes(path));
            } else {
                drl.append(line).append('\n');
            }
        }
        return new Case(title[0].strip(), title[1].strip(), title[2].strip(), drl.toString(), classes);
    }

    private static String read(String resource) {
        return new String(bytes("dev/tandem/rules/sandbox/" + resource), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = HostileRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
