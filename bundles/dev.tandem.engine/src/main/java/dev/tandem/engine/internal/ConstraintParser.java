package dev.tandem.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the simple constraints that routing rules are made of, for the direct evaluation of rules:
 * {@code name == "intent"}, {@code value >= 0.05}, {@code text("domain") == "banking77"}, {@code human},
 * {@code !human}, {@code language matches "(?i)en(-.*)?"}, {@code language == null} and bindings such as
 * {@code $score : value}. Anything else is refused with the reason, and the ruleset runs on Drools' network.
 */
final class ConstraintParser {

    /** A constraint read: a test of the fact, or a variable bound to one of its values. */
    record Constraint(FactTest test, String variable, FactAccessor value) {
    }

    /** Thrown for a constraint outside what the direct evaluation reads. */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\"[^\"\\\\]*\"|-?\\d+(?:\\.\\d+)?(?![\\w.])|[A-Za-z_$][\\w$]*|==|!=|<=|>=|<|>|!|:|\\(|\\)|,)");

    private final List<String> tokens;
    private final Class<?> factType;
    private final String text;
    private int next;

    private ConstraintParser(String text, Class<?> factType, List<String> tokens) {
        this.text = text;
        this.factType = factType;
        this.tokens = tokens;
    }

    static Constraint parse(String text, Class<?> factType) throws Unsupported {
        ConstraintParser parser = new ConstraintParser(text, factType, tokenize(text));
        return parser.constraint();
    }

    private static List<String> tokenize(String text) throws Unsupported {
        List<String> tokens = new ArrayList<>();
        var matcher = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length() && !text.substring(at).isBlank()) {
            if (!matcher.find(at) || matcher.start() != at) {
                throw new Unsupported("'" + text + "' is not a simple constraint");
            }
            tokens.add(matcher.group(1));
            at = matcher.end();
        }
        return tokens;
    }

    private Constraint constraint() throws Unsupported {
        if (tokens.size() > 2 && tokens.get(0).startsWith("$") && tokens.get(1).equals(":")) {
            String variable = tokens.get(0);
            next = 2;
            FactAccessor value = expression();
            end();
            return new Constraint(null, variable, value);
        }
        if (peek("!")) {
            next++;
            FactAccessor value = expression();
            end();
            return new Constraint(flag(value, false), null, null);
        }
        FactAccessor value = expression();
        if (next == tokens.size()) {
            return new Constraint(flag(value, true), null, null);
        }
        String operator = tokens.get(next++);
        Object literal = literal();
        end();
        return new Constraint(test(value, operator, literal), null, null);
    }

    private FactAccessor expression() throws Unsupported {
        String name = take();
        if (!Character.isJavaIdentifierStart(name.charAt(0)) || name.startsWith("$") || name.equals("matches")) {
            throw unsupported();
        }
        List<Object> arguments = null;
        if (peek("(")) {
            next++;
            arguments = new ArrayList<>();
            while (!peek(")")) {
                if (!arguments.isEmpty() && !take().equals(",")) {
                    throw unsupported();
                }
                arguments.add(literal());
            }
            next++;
        }
        FactAccessor accessor = FactAccessor.of(factType, name, arguments);
        if (accessor == null) {
            throw new Unsupported("'" + text + "': " + factType.getSimpleName() + " has no public property or method '"
                    + name + "' the direct evaluation can read");
        }
        return accessor;
    }

    private FactTest test(FactAccessor value, String operator, Object literal) throws Unsupported {
        Class<?> type = value.type();
        if (operator.equals("matches")) {
            return matches(value, literal);
        }
        FactTest.Comparison comparison = FactTest.Comparison.of(operator);
        if (comparison == null) {
            throw unsupported();
        }
        boolean equality = comparison == FactTest.Comparison.EQUAL || comparison == FactTest.Comparison.NOT_EQUAL;
        if (literal instanceof Double number && FactAccessor.isPrimitiveNumber(type)) {
            return new FactTest.NumberComparison(value, comparison, number);
        }
        if (literal instanceof Double number && FactAccessor.isBoxedNumber(type)) {
            return new FactTest.NullableNumberComparison(value, comparison, number);
        }
        boolean comparable = literal instanceof String && type == String.class
                || literal instanceof Boolean && (type == boolean.class || type == Boolean.class)
                || literal == NULL && !type.isPrimitive();
        if (equality && comparable) {
            return new FactTest.Equality(value, literal == NULL ? null : literal,
                    comparison == FactTest.Comparison.EQUAL);
        }
        throw unsupported();
    }

    private FactTest matches(FactAccessor value, Object literal) throws Unsupported {
        if (value.type() != String.class || !(literal instanceof String regex)) {
            throw unsupported();
        }
        try {
            return new FactTest.Matches(value, Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw unsupported();
        }
    }

    private FactTest flag(FactAccessor value, boolean expected) throws Unsupported {
        if (value.type() != boolean.class) {
            throw unsupported();
        }
        return new FactTest.Flag(value, expected);
    }

    /** The null literal, apart from "no literal". */
    private static final Object NULL = new Object();

    private Object literal() throws Unsupported {
        String token = take();
        if (token.startsWith("\"")) {
            return token.substring(1, token.length() - 1);
        }
        if (token.equals("null")) {
            return NULL;
        }
        if (token.equals("true") || token.equals("false")) {
            return Boolean.valueOf(token);
        }
        if (Character.isDigit(token.charAt(token.length() - 1))) {
            return Double.valueOf(token);
        }
        throw unsupported();
    }

    private boolean peek(String token) {
        return next < tokens.size() && tokens.get(next).equals(token);
    }

    private String take() throws Unsupported {
        if (next >= tokens.size()) {
            throw unsupported();
        }
        return tokens.get(next++);
    }

    private void end() throws Unsupported {
        if (next != tokens.size()) {
            throw unsupported();
        }
    }

    private Unsupported unsupported() {
        return new Unsupported("'" + text + "' is not a simple constraint");
    }
}
