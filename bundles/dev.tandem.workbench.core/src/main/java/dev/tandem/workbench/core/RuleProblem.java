package dev.tandem.workbench.core;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Something wrong with a rule project, where it is and what kind it is.
 * {@code file} is relative to the project folder; line and column are 1-based, 0 when unknown.
 */
@ProviderType
public record RuleProblem(Kind kind, String file, int line, int column, String message) {

    /** What kind of problem; an editor may show kinds differently, CI treats them all as failures. */
    public enum Kind {
        /** the project folder itself: no DRL files, an unreadable pom.xml */
        PROJECT,
        /** Drools could not parse or build the rules */
        DROOLS,
        /** a pattern names a type that is not a fact the engine inserts */
        UNKNOWN_FACT_TYPE,
        /** a constraint names a field the fact type does not have */
        UNKNOWN_FIELD,
        /** a rule escalates to, or a scenario expects, a queue the routing policy does not have */
        UNKNOWN_QUEUE,
        /** a rule can never fire because its conditions contradict each other */
        CONTRADICTION,
        /** a scenario file cannot be read, or a scenario's decision differs from what it expects */
        SCENARIO,
        /** rule code reaches outside the rule sandbox (see {@code dev.tandem.rules.sandbox.RuleSandbox}) */
        SANDBOX
    }

    /** {@code file:line:col: message}, the form compilers use and CI tools link. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (line > 0) {
                text.append(':').append(line);
                if (column > 0) {
                    text.append(':').append(column);
                }
            }
            text.append(": ");
        }
        return text.append(message).toString();
    }
}
