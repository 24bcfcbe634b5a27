package dev.tandem.engine.internal;

import dev.tandem.api.RulesetRef;

/** The ruleset versions that decide right now; a lock-free read on the decision path. */
public interface ActiveRulesets {
    /** The active version of that ruleset, or null. */
    CompiledRuleset activeRuleset(String name);

    /**
     * Takes a version out of service by rolling its ruleset back, if it is still the active one and has a previous
     * version; the deployment event names the actor and the reason.
     *
     * @return false when that version is not active or there is nothing to roll back to
     */
    boolean withdraw(RulesetRef version, String actor, String reason);
}
