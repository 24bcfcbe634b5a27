package dev.tandem.api;

import java.time.Instant;
import java.util.List;

/** A deployed rule bundle as the registry sees it. */
public record RulesetInfo(String name, String version, RulesetState state, Instant deployedAt, String deployedBy,
                          List<Problem> problems) {
    public RulesetInfo {
        problems = List.copyOf(problems);
    }

    public RulesetRef ref() {
        return new RulesetRef(name, version);
    }
}
