package dev.tandem.engine.internal;

import java.util.Objects;
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
    }

    /** {@code customerTier == "gold"}, {@code language == null}, {@code human == true}: equals, null-safe. */
    record Equality(FactAccessor value, Object literal, boolean equal) implements FactTest {
        @Override
        public boolean test(Object fact) throws Throwable {
            return Objects.equals(value.read(fact), literal) == equal;
        }
    }

    /** {@code language matches "(?i)en(-.*)?"}: the whole text matches; null matches nothing. */
    record Matches(FactAccessor value, Pattern regex) implements FactTest {
        @Override
        public boolean test(Object fact) throws Throwable {
            Object read = value.read(fact);
            return read != null && regex.matcher((String) read).matches();
        }
    }

    /** {@code human}, {@code !human} on a primitive boolean. */
    record Flag(FactAccessor value, boolean expected) implements FactTest {
        @Override
        public boolean test(Object fact) throws Throwable {
            return (boolean) value.read(fact) == expected;
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
