package dev.tandem.metrics.internal;

import java.util.Locale;

/**
 * A fail-safe reason as a label with few values: the engine's reasons carry details (rule names,
 * exception messages) that would make a new time series per decision.
 */
final class FailSafeReason {
    private FailSafeReason() {
    }

    static String of(String failSafe) {
        String reason = failSafe.toLowerCase(Locale.ROOT);
        if (reason.contains("no active ruleset")) {
            return "no_ruleset";
        }
        if (reason.contains("detector")) {
            return "detector_failed";
        }
        if (reason.contains("firing") || reason.contains("firings")) {
            return "firing_limit";
        }
        if (reason.contains("time budget") || reason.contains("budget")) {
            return "time_budget";
        }
        if (reason.contains("rule")) {
            return "rule_failed";
        }
        return "other";
    }
}
