package dev.tandem.engine.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** One compiled constraint of a pattern, tested against one fact with the semantics DRL gives it. */
interface FactTest {
    boolean test(Object fact) throws Throwable;

    /** {@code value >= 0.7} on a primitive number. */
    record NumberComparison(FactAccessor value, Comparison operator, double literal) implements FactTest {
        @Override
        public boolean test(Object fact) throws Throwable {
            return operator.holds(value.readDouble(fact), literal);
        }

        @Override
        public String toString() {
            return value + " " + operator.symbol + " " + literal;
        }
    }

    /** {@code aiConfidence < 0.5} on a boxed number: null is equal to nothing and neither less nor greater. */
    record NullableNumberComparison(FactAccessor value, Comparison operator, double literal) implements FactTest {
        @Override
        public boolean test(Object fact) throws Throwable {
            Object read = value.read(fact);
            if (read == null) {
                return operator == Comparison.NOT_EQUAL;
            }
            return operator.holds(((Number) read).doubleValue(), literal);
        }

        @Override
        public String toString() {
            return value + " " + operator.symbol + " " + literal;
        }
    }

    /** {@code customerTier == "gold"}, {@code language == null}, {@code human == true}: equals, null-safe. */
    record Equality(FactAccessor value, Object literal, boolean equal) implements FactTest {
        @Override
        public boolean test(Object fact) throws Throwable {
            return Objects.equals(value.read(fact), literal) == equal;
        }

        /** As DRL writes it: tests that print alike are alike, and are evaluated once for all their patterns. */
        @Override
        public String toString() {
            return value + (equal ? " == " : " != ") + (literal instanceof String text ? '"' + text + '"' : literal);
        }
    }

    /**
     * {@code language matches "(?i)en(-.*)?"}: the whole text matches; null matches nothing. The answers for the
     * first texts seen are remembered: such fields (languages, tiers, channels) take few values, and a lookup costs
     * a fraction of a match.
     */
    record Matches(FactAccessor value, Pattern regex, Map<String, Boolean> remembered) implements FactTest {
        private static final int REMEMBERED_TEXTS = 256;

        Matches(FactAccessor value, Pattern regex) {
            this(value, regex, new ConcurrentHashMap<>());
        }

        @Override
        public boolean test(Object fact) throws Throwable {
            Object read = value.read(fact);
            if (read == null) {
                return false;
            }
            String text = (String) read;
            Boolean known = remembered.get(text);
            if (known != null) {
                return known;
            }
            boolean matches = regex.matcher(text).matches();
            if (remembered.size() < REMEMBERED_TEXTS && text.length() <= 64) {
                remembered.put(text, matches);
            }
            return matches;
        }

        @Override
        public String toString() {
            return value + " matches \"" + regex.pattern() + '"';
        }
    }

    /** {@code human}, {@code !human} on a primitive boolean. */
    record Flag(FactAccessor value, boolean expected) implements FactTest {
        @Override
        public boolean test(Object fact) throws Throwable {
            return (boolean) value.read(fact) == expected;
        }

        @Override
        public String toString() {
            return (expected ? "" : "!") + value;
        }
    }

    /** The comparison operators of DRL on numbers. */
    enum Comparison {
        EQUAL("=="), NOT_EQUAL("!="), LESS("<"), AT_MOST("<="), GREATER(">"), AT_LEAST(">=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        /** Null when the symbol is no comparison. */
        static Comparison of(String symbol) {
            for (Comparison comparison : values()) {
                if (comparison.symbol.equals(symbol)) {
                    return comparison;
                }
            }
            return null;
        }

        boolean holds(double left, double right) {
            return switch (this) {
                case EQUAL -> left == right;
                case NOT_EQUAL -> left != right;
                case LESS -> left < right;
                case AT_MOST -> left <= right;
                case GREATER -> left > right;
                case AT_LEAST -> left >= right;
            };
        }
    }
}
