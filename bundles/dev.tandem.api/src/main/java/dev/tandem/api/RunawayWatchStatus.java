package dev.tandem.api;

import java.util.List;

/** The engine's runaway containment, as monitoring sees it. */
public interface RunawayWatchStatus {
    /** Every ruleset version that had a runaway decision since the engine started. */
    List<RunawayTally> tallies();

    /** The tally of one version; all zero when it had none. */
    RunawayTally tally(RulesetRef version);
}
