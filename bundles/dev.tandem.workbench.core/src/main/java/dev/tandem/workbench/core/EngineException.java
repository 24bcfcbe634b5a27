package dev.tandem.workbench.core;

import java.util.List;

/**
 * The engine did not do what was asked: unreachable, refused the rule bundle (then
 * {@link #problems()} says why, from the engine's HTTP 422), or had nothing to roll back to.
 */
public final class EngineException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient List<RuleProblem> problems;

    public EngineException(String message, int status, List<RuleProblem> problems, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    /** The HTTP status, 0 when the engine did not answer. */
    public int status() {
        return status;
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
