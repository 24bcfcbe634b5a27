package dev.tandem.workbench.core;

import java.util.List;

/** The project's rules cannot be built, so nothing can be decided with them. */
public final class RulesDoNotBuildException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleProblem> problems;

    public RulesDoNotBuildException(List<RuleProblem> problems) {
        super("the rules do not build: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
