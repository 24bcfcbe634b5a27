package dev.tandem.api;

import java.util.Map;

/**
 * The runaway decisions of one ruleset version: decisions whose rules ran into a per-decision limit and failed safe.
 *
 * @param version        the ruleset version
 * @param byLimit        decisions since the engine started, by the limit they hit: {@code firings}, {@code time},
 *                       {@code memory}, {@code stack} or {@code heap}
 * @param inWindow       runaway decisions within the current window
 * @param withdrawAt     how many within the window take the version out of service
 * @param windowSeconds  the window's length
 */
public record RunawayTally(RulesetRef version, Map<String, Long> byLimit, int inWindow, int withdrawAt,
                           long windowSeconds) {
    public RunawayTally {
        byLimit = Map.copyOf(byLimit);
    }

    /** All runaway decisions of the version since the engine started. */
    public long total() {
        return byLimit.values().stream().mapToLong(Long::longValue).sum();
    }
}
