package dev.tandem.api;

import java.util.List;

/** A rule bundle that did not compile, failed its scenarios, or is not a rule bundle; the active version is untouched. */
public class RulesetRejectedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public RulesetRejectedException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
