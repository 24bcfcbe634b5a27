package dev.tandem.workbench.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds constraints of one pattern that cannot all hold, such as {@code value >= 0.7, value < 0.5}
 * or {@code name == "a", name == "b"}: such a rule can never fire. Only simple comparisons of a
 * field with a literal are judged; anything else is assumed satisfiable.
 */
public final class Contradiction {
    private static final Pattern BINDING = Pattern.compile("^\\$\\w+\\s*:\\s*");
    private static final Pattern COMPARISON = Pattern.compile(
            "^([A-Za-z_][\\w.]*)\\s*(==|!=|>=|<=|>|<)\\s*(-?\\d+(?:\\.\\d+)?|\"[^\"]*\")$");
    private static final Pattern FLAG = Pattern.compile("^(!\\s*)?([a-z]\\w*)$");

    private record Atom(String field, String operator, Object value, String text) {
    }

    private Contradiction() {
    }

    /** @return the contradicting constraints as written, or empty when they may all hold */
    public static Optional<String> find(List<String> constraints) {
        Map<String, List<Atom>> byField = new LinkedHashMap<>();
        for (String constraint : constraints) {
            if (constraint.contains("||")) {
                continue;
            }
            for (String part : constraint.split("&&")) {
                atom(BINDING.matcher(part.strip()).replaceFirst(""), part.strip())
                        .ifPresent(atom -> byField.computeIfAbsent(atom.field(), f -> new ArrayList<>()).add(atom));
            }
        }
        for (List<Atom> atoms : byField.values()) {
            if (atoms.size() > 1 && !satisfiable(atoms)) {
                return Optional.of(String.join(" and ", atoms.stream().map(Atom::text).toList()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Atom> atom(String expression, String text) {
        Matcher comparison = COMPARISON.matcher(expression);
        if (comparison.matches()) {
            String literal = comparison.group(3);
            Object value = literal.startsWith("\"") ? literal.substring(1, literal.length() - 1)
                    : (Object) Double.parseDouble(literal);
            return Optional.of(new Atom(comparison.group(1), comparison.group(2), value, text));
        }
        Matcher flag = FLAG.matcher(expression);
        if (flag.matches() && !isKeyword(flag.group(2))) {
            return Optional.of(new Atom(flag.group(2), "==", flag.group(1) == null, text));
        }
        return Optional.empty();
    }

    private static boolean isKeyword(String word) {
        return word.equals("true") || word.equals("false") || word.equals("null") || word.equals("this");
    }

    private static boolean satisfiable(List<Atom> atoms) {
        if (atoms.stream().allMatch(a -> a.value() instanceof Double)) {
            return numericSatisfiable(atoms);
        }
        if (atoms.stream().allMatch(a -> a.operator().equals("==") || a.operator().equals("!="))) {
            return equalitySatisfiable(atoms);
        }
        return true;
    }

    private static boolean equalitySatisfiable(List<Atom> atoms) {
        List<Object> required = atoms.stream().filter(a -> a.operator().equals("==")).map(Atom::value).distinct().toList();
        if (required.size() > 1) {
            return false;
        }
        return required.isEmpty() || atoms.stream()
                .noneMatch(a -> a.operator().equals("!=") && a.value().equals(required.get(0)));
    }

    private static boolean numericSatisfiable(List<Atom> atoms) {
        List<Double> candidates = new ArrayList<>();
        for (Atom atom : atoms) {
            double value = (Double) atom.value();
            candidates.add(value);
            candidates.add(Math.nextUp(value));
            candidates.add(Math.nextDown(value));
        }
        // the set of solutions is an interval minus points: if it is not empty, a bound or its neighbour lies in it
        for (double candidate : candidates) {
            if (atoms.stream().allMatch(a -> holds(a, candidate))) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Atom atom, double x) {
        double value = (Double) atom.value();
        return switch (atom.operator()) {
            case "==" -> x == value;
            case "!=" -> x != value;
            case ">=" -> x >= value;
            case "<=" -> x <= value;
            case ">" -> x > value;
            case "<" -> x < value;
            default -> true;
        };
    }
}
