package dev.tandem.engine.internal;

import java.util.List;

import dev.tandem.api.rules.Decision;

/**
 * What one run of a ruleset produced: the rules' verdict, or why there is none.
 *
 * @param failure null when the rules decided; otherwise the fail-safe reason
 */
record Evaluation(Decision decision, List<String> firedRules, String failure) {
    boolean failed() {
        return failure != null;
    }
}
