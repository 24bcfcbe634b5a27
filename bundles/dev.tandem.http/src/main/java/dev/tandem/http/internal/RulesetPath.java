package dev.tandem.http.internal;

import java.util.List;

/** What a path below /api/v1/rulesets addresses (the servlet's path info, already percent-decoded). */
sealed interface RulesetPath {
    String ROLLBACK = "rollback";
    String FILES = "files";

    /** /api/v1/rulesets */
    record All() implements RulesetPath {
    }

    /** /api/v1/rulesets/{name}: every version of one ruleset */
    record Versions(String name) implements RulesetPath {
    }

    /** /api/v1/rulesets/{name}/{version} */
    record Version(String name, String version) implements RulesetPath {
    }

    /** /api/v1/rulesets/{name}/rollback; no version is called "rollback", since OSGi versions start with a digit */
    record Rollback(String name) implements RulesetPath {
    }

    /** /api/v1/rulesets/{name}/{version}/files: the rule and scenario files of a deployed version */
    record Files(String name, String version) implements RulesetPath {
    }

    record Unknown() implements RulesetPath {
    }

    static RulesetPath parse(String pathInfo) {
        if (pathInfo == null || pathInfo.equals("/")) {
            return new All();
        }
        if (!pathInfo.startsWith("/")) {
            return new Unknown();
        }
        List<String> segments = List.of(pathInfo.substring(1).split("/", -1));
        if (segments.stream().anyMatch(String::isBlank)) {
            return new Unknown();
        }
        return switch (segments.size()) {
            case 1 -> new Versions(segments.get(0));
            case 2 -> segments.get(1).equals(ROLLBACK)
                    ? new Rollback(segments.get(0))
                    : new Version(segments.get(0), segments.get(1));
            case 3 -> segments.get(2).equals(FILES) ? new Files(segments.get(0), segments.get(1)) : new Unknown();
            default -> new Unknown();
        };
    }
}
