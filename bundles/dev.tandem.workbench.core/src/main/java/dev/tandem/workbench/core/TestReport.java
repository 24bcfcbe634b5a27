package dev.tandem.workbench.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of running a project's scenarios.
 *
 * @param problems what kept scenarios from running: build errors, unreadable scenario files
 * @param results  one per scenario that ran
 */
public record TestReport(List<RuleProblem> problems, List<ScenarioResult> results) {
    public TestReport {
        problems = List.copyOf(problems);
        results = List.copyOf(results);
    }

    public boolean passed() {
        return problems.isEmpty() && results.stream().allMatch(ScenarioResult::passed);
    }

    public long failedCount() {
        return results.stream().filter(r -> !r.passed()).count();
    }

    /** Build problems and failed scenarios together, as CI reports them. */
    public List<RuleProblem> allProblems() {
        List<RuleProblem> all = new ArrayList<>(problems);
        results.stream().filter(r -> !r.passed()).map(ScenarioResult::toProblem).forEach(all::add);
        return all;
    }
}
