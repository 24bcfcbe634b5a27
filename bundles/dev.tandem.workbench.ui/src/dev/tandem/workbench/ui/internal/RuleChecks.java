package dev.tandem.workbench.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILog;

import dev.tandem.workbench.core.RuleProblem;
import dev.tandem.workbench.core.RuleProject;
import dev.tandem.workbench.core.RuleValidator;

/** The workbench's validation: the core's checks, then every contributed validator's. */
final class RuleChecks {
    static final String CORE = "dev.tandem.workbench.core";

    /** A problem, whether it is an error (warnings do not stop a deploy) and which validator found it. */
    record Finding(RuleProblem problem, boolean error, String validator) {
    }

    private final RuleValidator core = new RuleValidator();

    List<Finding> check(RuleProject project) {
        List<Finding> findings = new ArrayList<>();
        core.validate(project).forEach(problem -> findings.add(new Finding(problem, true, CORE)));
        for (Contributions.Validator validator : Contributions.validators()) {
            try {
                validator.check().check(project)
                        .forEach(problem -> findings.add(new Finding(problem, validator.errors(), validator.id())));
            } catch (RuntimeException e) {
                ILog.of(getClass()).error("validator " + validator.id() + " failed", e);
            }
        }
        return findings;
    }

    static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(Finding::error).toList();
    }
}
