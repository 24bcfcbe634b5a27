package dev.tandem.engine.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.osgi.framework.Bundle;

import dev.tandem.api.RulesetInfo;
import dev.tandem.api.RulesetState;

/** A rule bundle that passed compilation and its scenarios: active or on standby for rollback. */
record Deployment(CompiledRuleset ruleset, Bundle bundle, Path jar, Instant deployedAt, String deployedBy) {
    String name() {
        return ruleset.ref().name();
    }

    String version() {
        return ruleset.ref().version();
    }

    RulesetInfo info(RulesetState state) {
        return new RulesetInfo(name(), version(), state, deployedAt, deployedBy, List.of());
    }
}
