package dev.tandem.engine.internal;

/** The ruleset versions that decide right now; a lock-free read on the decision path. */
public interface ActiveRulesets {
    /** The active version of that ruleset, or null. */
    CompiledRuleset activeRuleset(String name);
}
