package dev.tandem.workbench.example.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.workbench.core.RuleProblem;
import dev.tandem.workbench.core.RuleProject;
import dev.tandem.workbench.ui.RuleCheck;

/**
 * A rule's name is what a supervisor reads in a decision's reasons, so it should be a sentence:
 * warns about names of fewer than {@value #MIN_WORDS} words.
 */
public class RuleNamesAreSentences implements RuleCheck {
    static final int MIN_WORDS = 3;
    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]*)\"");

    @Override
    public List<RuleProblem> check(RuleProject project) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : project.drlFiles().entrySet()) {
            Matcher rule = RULE_NAME.matcher(file.getValue());
            while (rule.find()) {
                String name = rule.group(1);
                if (name.isBlank() || name.strip().split("\\s+").length < MIN_WORDS) {
                    problems.add(new RuleProblem(RuleProblem.Kind.PROJECT, file.getKey(), lineOf(file.getValue(),
                            rule.start(1)), columnOf(file.getValue(), rule.start(1)), "rule \"" + name
                            + "\" should be named by a sentence a supervisor understands (at least " + MIN_WORDS
                            + " words)"));
                }
            }
        }
        return problems;
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int columnOf(String text, int offset) {
        return offset - text.lastIndexOf('\n', offset - 1);
    }
}
