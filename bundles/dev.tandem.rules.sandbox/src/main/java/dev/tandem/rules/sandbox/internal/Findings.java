package dev.tandem.rules.sandbox.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.tandem.rules.sandbox.Source;
import dev.tandem.rules.sandbox.Violation;

/** The violations found so far, each (rule, offending reference) once. */
public final class Findings {
    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    /**
     * @param offending what is refused, e.g. {@code java.lang.System.exit}; its last word locates the line
     * @param what      the rest of the sentence after the rule, e.g. {@code calls java.lang.System.exit: ...}
     */
    public void add(Source source, String offending, String what) {
        if (!seen.add(source.rule() + '\u0000' + offending)) {
            return;
        }
        int line = source.lineOf(lastWord(offending));
        violations.add(new Violation(source.rule(), offending, source.file(), line, label(source.rule()) + " " + what));
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    private static String label(String rule) {
        return rule.startsWith("function ") || rule.startsWith("class ") || rule.startsWith("the ")
                ? rule : "rule '" + rule + "'";
    }

    private static String lastWord(String offending) {
        String word = offending.substring(offending.lastIndexOf('.') + 1);
        int inner = word.lastIndexOf('$');
        return inner >= 0 ? word.substring(inner + 1) : word;
    }
}
