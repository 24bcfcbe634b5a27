package dev.tandem.engine.internal;

/**
 * A decision whose rules ran away: which limit stopped them and in which rule. Counted per ruleset version.
 *
 * @param limit what was exceeded: {@code firings}, {@code time}, {@code memory}, {@code stack} or {@code heap}
 * @param rule  the rule that was firing, or null when unknown
 */
record Runaway(String limit, String rule) {
    static final String FIRINGS = "firings";
    static final String TIME = "time";
    static final String MEMORY = "memory";

    /** A runaway behind an error a firing threw, or null when the error is an ordinary failure of the rule. */
    static Runaway behind(Throwable failure, String rule) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StackOverflowError) {
                return new Runaway("stack", rule);
            }
            if (cause instanceof OutOfMemoryError) {
                return new Runaway("heap", rule);
            }
        }
        return null;
    }

    /** As the deployment event and the log give it: {@code runaway: memory in 'a rule'}. */
    String reason() {
        return "runaway: " + limit + " in " + (rule == null ? "the ruleset" : "'" + rule + "'");
    }
}
