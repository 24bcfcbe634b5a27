package dev.tandem.workbench.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules of a DRL text, in order, with where each one's name is: what the Outline view lists. */
final class RuleOutline {
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(\"([^\"]*)\"|'([^']*)'|(\\S+))");

    /** One rule: its name and the offset and length of the name in the text. */
    record Entry(String name, int offset, int length) {
    }

    private RuleOutline() {
    }

    static List<Entry> of(String drl) {
        List<Entry> rules = new ArrayList<>();
        Matcher rule = RULE.matcher(drl);
        while (rule.find()) {
            int group = rule.group(2) != null ? 2 : rule.group(3) != null ? 3 : 4;
            rules.add(new Entry(rule.group(group), rule.start(group), rule.group(group).length()));
        }
        return rules;
    }
}
