package dev.tandem.workbench.ui;

import java.util.List;

import dev.tandem.workbench.core.RuleProblem;
import dev.tandem.workbench.core.RuleProject;

/**
 * A check that a plug-in adds to rule validation through the extension point
 * {@code dev.tandem.workbench.ui.ruleValidators}. The workbench runs it after its own checks, in a
 * background Job, on the project with the editors' unsaved text, while the analyst types and before
 * every deploy; its problems become markers of the severity the extension declares.
 * Implementations must be stateless and quick: they run on every pause in typing.
 */
public interface RuleCheck {

    /**
     * Every problem found, with the project path of the file and a 1-based line where known. The kind is
     * the closest of {@link RuleProblem.Kind}; markers also name the validator that found the problem.
     */
    List<RuleProblem> check(RuleProject project);
}
