package dev.tandem.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The patterns on one fact type, found by what they require of a fact: a pattern that requires a value to equal a
 * text ({@code name == "intent"}, {@code text("domain") == "banking77"}) is found by reading that value once and
 * looking it up, the way Drools hashes such alpha constraints. Patterns are (rule, pattern) pairs.
 */
final class PatternIndex {
    /** Called with each (rule, pattern) pair that a fact may match. */
    interface Candidates {
        void candidate(int rule, int pattern) throws Throwable;
    }

    private final FactAccessor[] keys;
    private final List<Map<Object, int[]>> byValue;
    private final int[] unindexed;

    private PatternIndex(FactAccessor[] keys, List<Map<Object, int[]>> byValue, int[] unindexed) {
        this.keys = keys;
        this.byValue = byValue;
        this.unindexed = unindexed;
    }

    void forEachCandidate(Object fact, Candidates candidates) throws Throwable {
        for (int key = 0; key < keys.length; key++) {
            int[] pairs = byValue.get(key).get(keys[key].read(fact));
            if (pairs != null) {
                forEach(pairs, candidates);
            }
        }
        forEach(unindexed, candidates);
    }

    private static void forEach(int[] pairs, Candidates candidates) throws Throwable {
        for (int i = 0; i < pairs.length; i += 2) {
            candidates.candidate(pairs[i], pairs[i + 1]);
        }
    }

    /** Collects the patterns of one fact type. */
    static final class Builder {
        private final Map<String, FactAccessor> keys = new LinkedHashMap<>();
        private final Map<String, Map<Object, List<Integer>>> byValue = new HashMap<>();
        private final List<Integer> unindexed = new ArrayList<>();

        void add(int rule, int pattern, FactTest[] tests) {
            List<Integer> pairs = unindexed;
            for (FactTest test : tests) {
                if (test instanceof FactTest.Equality equality && equality.equal()
                        && equality.literal() instanceof String text) {
                    String key = equality.value().toString();
                    keys.putIfAbsent(key, equality.value());
                    pairs = byValue.computeIfAbsent(key, k -> new HashMap<>())
                            .computeIfAbsent(text, t -> new ArrayList<>());
                    break;
                }
            }
            pairs.add(rule);
            pairs.add(pattern);
        }

        PatternIndex build() {
            List<Map<Object, int[]>> maps = new ArrayList<>();
            for (String key : keys.keySet()) {
                Map<Object, int[]> map = new HashMap<>();
                byValue.get(key).forEach((value, pairs) -> map.put(value, toArray(pairs)));
                maps.add(map);
            }
            return new PatternIndex(keys.values().toArray(FactAccessor[]::new), maps, toArray(unindexed));
        }

        private static int[] toArray(List<Integer> values) {
            return values.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
