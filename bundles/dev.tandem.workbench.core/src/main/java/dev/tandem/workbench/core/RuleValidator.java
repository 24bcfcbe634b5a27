package dev.tandem.workbench.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.tandem.json.Scenario;
import dev.tandem.workbench.core.RuleProblem.Kind;
import dev.tandem.workbench.core.internal.DrlChecks;
import dev.tandem.workbench.core.internal.DroolsBuild;
import dev.tandem.workbench.core.internal.FactModel;
import dev.tandem.workbench.core.internal.SandboxCheck;
import dev.tandem.workbench.core.internal.TextPosition;

/** Finds everything wrong with a rule project without running it. Stateless and thread-safe. */
public final class RuleValidator {
    private static final Comparator<RuleProblem> BY_PLACE = Comparator
            .comparing((RuleProblem p) -> p.file() == null ? "" : p.file())
            .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column);


    /** Every problem, sorted by file, line and column; empty when the project is fit to test and deploy. */
    public List<RuleProblem> validate(RuleProject project) {
        List<RuleProblem> problems = new ArrayList<>();
        project.drlFiles().forEach((file, text) -> problems.addAll(DrlChecks.check(file, text)));
        DroolsBuild.build(project.drlFiles()).problems().stream()
                .filter(problem -> !explainedBetter(problem, problems))
                .forEach(problems::add);
        problems.addAll(SandboxCheck.classFiles(project.folder()));
        project.scenarioFiles().forEach((file, text) -> problems.addAll(checkScenarios(file, text)));
        problems.sort(BY_PLACE);
        return problems;
    }

    /** Drools reports an unknown type or field too, in its own words; ours name the known ones. */
    private static boolean explainedBetter(RuleProblem droolsProblem, List<RuleProblem> ours) {
        return droolsProblem.kind() == Kind.DROOLS && ours.stream().anyMatch(our -> (our.kind() == Kind.UNKNOWN_FACT_TYPE
                || our.kind() == Kind.UNKNOWN_FIELD) && our.file().equals(droolsProblem.file()));
    }

    List<RuleProblem> checkScenarios(String file, String text) {
        List<Scenario> scenarios;
        try {
            scenarios = Scenario.parse(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (Scenario.InvalidScenarioException e) {
            return List.of(new RuleProblem(Kind.SCENARIO, e.file(), 0, 0, e.getMessage()));
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            String queue = scenario.expect().queue();
            if (queue != null && !FactModel.QUEUES.contains(queue)) {
                TextPosition at = TextPosition.find(text, "\"" + queue + "\"",
                        ScenarioTester.lineOf(text, scenario.name()));
                problems.add(new RuleProblem(Kind.UNKNOWN_QUEUE, file, at.line(), at.column(), "scenario '"
                        + scenario.name() + "' expects unknown queue '" + queue + "': the queues are "
                        + String.join(", ", FactModel.QUEUES)));
            }
        }
        return problems;
    }

    /** The problems of one file only, e.g. for an editor's markers. */
    public static List<RuleProblem> inFile(List<RuleProblem> problems, String file) {
        return problems.stream().filter(p -> file.equals(p.file())).toList();
    }
}
