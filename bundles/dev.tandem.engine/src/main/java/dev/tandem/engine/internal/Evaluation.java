package dev.tandem.engine.internal;

import java.util.List;

import dev.tandem.api.rules.Decision;

/**
 * What one run of a ruleset produced: the rules' verdict, or why there is none.
 *
 * @param failure null when the rules decided; otherwise the fail-safe reason
 * @param runaway the limit the rules ran into, or null
 */
record Evaluation(Decision decision, List<String> firedRules, String failure, Runaway runaway) {
    Evaluation(Decision decision, List<String> firedRules, String failure) {
        this(decision, firedRules, failure, null);
    }

    boolean failed() {
        return failure != null;
    }
}
