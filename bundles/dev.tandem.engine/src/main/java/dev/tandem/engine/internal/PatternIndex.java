package dev.tandem.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The patterns on one fact type, as Drools' alpha network holds them: patterns with the same tests are one
 * {@link Alpha}, tested once per fact, and an alpha that requires a value to equal a text ({@code name == "intent"},
 * {@code text("domain") == "banking77"}) is found by reading that value once and looking it up. Patterns are
 * (rule, pattern) pairs.
 */
final class PatternIndex {
    /** Told of each (rule, pattern) pair that a fact matches. */
    interface Matches {
        void matched(int rule, int pattern);
    }

    /** The patterns that share these tests. */
    record Alpha(FactTest[] tests, int[] pairs) {
        boolean passes(Object fact) throws Throwable {
            for (FactTest test : tests) {
                if (!test.test(fact)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final FactAccessor[] keys;
    private final List<Map<Object, Alpha[]>> byValue;
    private final Alpha[] unindexed;

    private PatternIndex(FactAccessor[] keys, List<Map<Object, Alpha[]>> byValue, Alpha[] unindexed) {
        this.keys = keys;
        this.byValue = byValue;
        this.unindexed = unindexed;
    }

    void match(Object fact, Matches matches) throws Throwable {
        for (int key = 0; key < keys.length; key++) {
            Alpha[] alphas = byValue.get(key).get(keys[key].read(fact));
            if (alphas != null) {
                match(alphas, fact, matches);
            }
        }
        match(unindexed, fact, matches);
    }

    private static void match(Alpha[] alphas, Object fact, Matches matches) throws Throwable {
        for (Alpha alpha : alphas) {
            if (alpha.passes(fact)) {
                int[] pairs = alpha.pairs();
                for (int i = 0; i < pairs.length; i += 2) {
                    matches.matched(pairs[i], pairs[i + 1]);
                }
            }
        }
    }

    /** Collects the patterns of one fact type. */
    static final class Builder {
        private final Map<String, FactAccessor> keys = new LinkedHashMap<>();
        /** Per key, per text: the alphas by their tests' description. */
        private final Map<String, Map<Object, Map<String, Group>>> byValue = new HashMap<>();
        private final Map<String, Group> unindexed = new LinkedHashMap<>();

        private record Group(FactTest[] tests, List<Integer> pairs) {
        }

        void add(int rule, int pattern, FactTest[] tests) {
            Map<String, Group> groups = unindexed;
            for (FactTest test : tests) {
                if (test instanceof FactTest.Equality equality && equality.equal()
                        && equality.literal() instanceof String text) {
                    String key = equality.value().toString();
                    keys.putIfAbsent(key, equality.value());
                    groups = byValue.computeIfAbsent(key, k -> new HashMap<>())
                            .computeIfAbsent(text, t -> new LinkedHashMap<>());
                    break;
                }
            }
            Group group = groups.computeIfAbsent(Arrays.toString(tests), t -> new Group(tests, new ArrayList<>()));
            group.pairs().add(rule);
            group.pairs().add(pattern);
        }

        PatternIndex build() {
            List<Map<Object, Alpha[]>> maps = new ArrayList<>();
            for (String key : keys.keySet()) {
                Map<Object, Alpha[]> map = new HashMap<>();
                byValue.get(key).forEach((value, groups) -> map.put(value, alphas(groups)));
                maps.add(map);
            }
            return new PatternIndex(keys.values().toArray(FactAccessor[]::new), maps, alphas(unindexed));
        }

        private static Alpha[] alphas(Map<String, Group> groups) {
            return groups.values().stream()
                    .map(group -> new Alpha(group.tests(), group.pairs().stream().mapToInt(Integer::intValue).toArray()))
                    .toArray(Alpha[]::new);
        }
    }
}
