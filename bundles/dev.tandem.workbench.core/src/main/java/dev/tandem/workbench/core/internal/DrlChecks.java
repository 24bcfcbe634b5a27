package dev.tandem.workbench.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import dev.tandem.workbench.core.RuleProblem;
import dev.tandem.workbench.core.RuleProblem.Kind;

/**
 * The checks Drools does not make, on one DRL file: patterns on types the engine never inserts,
 * constraints on fields a fact does not have, escalations to queues the policy does not have,
 * and rules whose conditions contradict each other.
 */
public final class DrlChecks {
    private static final Pattern ESCALATION = Pattern.compile("\\bescalate\\s*\\(\\s*\"([^\"]*)\"");
    private static final Set<String> KEYWORDS = Set.of("matches", "contains", "memberOf", "soundslike", "str", "in",
            "not", "null", "true", "false", "this", "instanceof", "excludes", "after", "before", "coincides",
            "during", "finishes", "finishedby", "includes", "meets", "metby", "overlaps", "overlappedby", "starts",
            "startedby", "new");

    private final String file;
    private final String text;
    private final List<RuleProblem> problems = new ArrayList<>();
    private PackageDescr drl;
    private RuleDescr currentRule;

    private DrlChecks(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** Checks one file; a file Drools cannot parse yields nothing here (the Drools build reports it). */
    public static List<RuleProblem> check(String file, String text) {
        DrlChecks checks = new DrlChecks(file, text);
        checks.run();
        return checks.problems;
    }

    private void run() {
        checkQueues();
        DrlParser parser = new DrlParser();
        try {
            drl = DroolsBuild.withOwnClassLoader(() -> parse(parser));
        } catch (RuntimeException cannotParse) {
            return;
        }
        if (drl == null || parser.hasErrors()) {
            return;
        }
        for (RuleDescr rule : drl.getRules()) {
            currentRule = rule;
            walk(rule.getLhs());
        }
    }

    private PackageDescr parse(DrlParser parser) {
        try {
            return parser.parse(false, text);
        } catch (DroolsParserException e) {
            return null;
        }
    }

    private void checkQueues() {
        Matcher escalation = ESCALATION.matcher(text);
        while (escalation.find()) {
            String queue = escalation.group(1);
            if (!FactModel.QUEUES.contains(queue)) {
                TextPosition at = TextPosition.of(text, escalation.start(1) - 1);
                problems.add(new RuleProblem(Kind.UNKNOWN_QUEUE, file, at.line(), at.column(),
                        "unknown queue '" + queue + "': the queues are " + String.join(", ", FactModel.QUEUES)));
            }
        }
    }

    private void walk(BaseDescr descr) {
        if (descr instanceof PatternDescr pattern) {
            checkPattern(pattern);
            if (pattern.getSource() instanceof AccumulateDescr accumulate && accumulate.getInput() != null) {
                walk(accumulate.getInput());
            } else if (pattern.getSource() instanceof CollectDescr collect) {
                walk(collect.getInputPattern());
            }
        } else if (descr instanceof ConditionalElementDescr element) {
            for (BaseDescr child : element.getDescrs()) {
                walk(child);
            }
        }
    }

    private void checkPattern(PatternDescr pattern) {
        String type = pattern.getObjectType();
        if (type == null || declared(type)) {
            return;
        }
        Class<?> factType = FactModel.factType(qualified(type));
        if (factType == null) {
            if (pattern.getSource() == null) {
                report(Kind.UNKNOWN_FACT_TYPE, pattern, type, "unknown fact type '" + type
                        + "' in rule '" + currentRule.getName() + "': rules match " + FactModel.factTypeNames());
            }
            return;
        }
        List<String> constraints = new ArrayList<>();
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expression) {
                constraints.add(expression.getExpression());
                checkFields(factType, pattern, expression.getExpression());
            }
        }
        Contradiction.find(constraints).ifPresent(contradiction -> report(Kind.CONTRADICTION, pattern, type,
                "rule '" + currentRule.getName() + "' can never fire: " + contradiction + " cannot all hold"));
    }

    private void checkFields(Class<?> factType, PatternDescr pattern, String expression) {
        Set<String> properties = FactModel.properties(factType);
        for (Identifier identifier : Identifier.scan(expression)) {
            String name = identifier.name();
            if (identifier.afterDot() || name.startsWith("$") || KEYWORDS.contains(name)
                    || Character.isUpperCase(name.charAt(0))) {
                continue;
            }
            boolean known = identifier.call() ? FactModel.hasMethod(factType, name) : properties.contains(name);
            if (!known) {
                report(Kind.UNKNOWN_FIELD, pattern, name, "unknown field '" + name + "' of " + factType.getSimpleName()
                        + " in rule '" + currentRule.getName() + "': it has " + String.join(", ", properties));
            }
        }
    }

    private void report(Kind kind, PatternDescr pattern, String snippet, String message) {
        TextPosition at = TextPosition.find(text, snippet, Math.max(pattern.getLine(), currentRule.getLine()));
        if (at.equals(TextPosition.UNKNOWN)) {
            at = new TextPosition(pattern.getLine(), pattern.getColumn() + 1);
        }
        problems.add(new RuleProblem(kind, file, at.line(), at.column(), message));
    }

    private boolean declared(String type) {
        return drl.getTypeDeclarations().stream().map(TypeDeclarationDescr::getTypeName).anyMatch(type::equals);
    }

    private String qualified(String type) {
        if (type.contains(".")) {
            return type;
        }
        for (ImportDescr anImport : drl.getImports()) {
            String target = anImport.getTarget();
            if (target.endsWith("." + type)) {
                return target;
            }
            if (target.endsWith(".*")) {
                String candidate = target.substring(0, target.length() - 1) + type;
                if (FactModel.factType(candidate) != null) {
                    return candidate;
                }
            }
        }
        return drl.getNamespace() + "." + type;
    }

    /** Identifiers of a constraint expression, outside string literals. */
    record Identifier(String name, boolean afterDot, boolean call) {
        static List<Identifier> scan(String expression) {
            List<Identifier> identifiers = new ArrayList<>();
            int i = 0;
            while (i < expression.length()) {
                char c = expression.charAt(i);
                if (c == '"' || c == '\'') {
                    i = endOfLiteral(expression, i);
                } else if (Character.isJavaIdentifierStart(c)) {
                    int start = i;
                    while (i < expression.length() && Character.isJavaIdentifierPart(expression.charAt(i))) {
                        i++;
                    }
                    identifiers.add(new Identifier(expression.substring(start, i),
                            previous(expression, start) == '.' || previous(expression, start) == '#',
                            next(expression, i) == '('));
                } else if (Character.isDigit(c)) {
                    while (i < expression.length() && (Character.isLetterOrDigit(expression.charAt(i))
                            || expression.charAt(i) == '.')) {
                        i++;
                    }
                } else {
                    i++;
                }
            }
            return identifiers;
        }

        private static int endOfLiteral(String expression, int start) {
            char quote = expression.charAt(start);
            int i = start + 1;
            while (i < expression.length() && expression.charAt(i) != quote) {
                i += expression.charAt(i) == '\\' ? 2 : 1;
            }
            return i + 1;
        }

        private static char previous(String expression, int index) {
            for (int i = index - 1; i >= 0; i--) {
                if (!Character.isWhitespace(expression.charAt(i))) {
                    return expression.charAt(i);
                }
            }
            return ' ';
        }

        private static char next(String expression, int index) {
            for (int i = index; i < expression.length(); i++) {
                if (!Character.isWhitespace(expression.charAt(i))) {
                    return expression.charAt(i);
                }
            }
            return ' ';
        }
    }
}
