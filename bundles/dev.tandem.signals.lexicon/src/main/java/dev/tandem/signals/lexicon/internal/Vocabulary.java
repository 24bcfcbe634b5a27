package dev.tandem.signals.lexicon.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every word the phrases of a lexicon use, numbered from 0. A message's tokens are looked up here once each;
 * phrases then compare numbers. The table keeps each slot's hash and number side by side, so a token that is
 * no phrase word (most of them) costs one memory access. Immutable, so one instance serves all threads.
 */
final class Vocabulary {
    static final int UNKNOWN = -1;
    static final Vocabulary NONE = new Builder().build();

    private final String[] words;
    /** Slot {@code i}: the word's hash at {@code 2i}, its number + 1 at {@code 2i + 1} (0: the slot is free). */
    private final int[] hashesAndNumbers;
    private final int mask;
    private final int size;

    private Vocabulary(Map<String, Integer> numbers) {
        int capacity = Integer.highestOneBit(Math.max(2, numbers.size()) * 2) * 2;
        words = new String[capacity];
        hashesAndNumbers = new int[capacity * 2];
        mask = capacity - 1;
        size = numbers.size();
        numbers.forEach(this::put);
    }

    int size() {
        return size;
    }

    /** The word's number, or {@link #UNKNOWN} when no phrase uses it. */
    int id(String word) {
        int hash = spread(word.hashCode());
        for (int slot = hash & mask; hashesAndNumbers[2 * slot + 1] != 0; slot = (slot + 1) & mask) {
            if (hashesAndNumbers[2 * slot] == hash && words[slot].equals(word)) {
                return hashesAndNumbers[2 * slot + 1] - 1;
            }
        }
        return UNKNOWN;
    }

    private void put(String word, int number) {
        int hash = spread(word.hashCode());
        int slot = hash & mask;
        while (hashesAndNumbers[2 * slot + 1] != 0) {
            slot = (slot + 1) & mask;
        }
        words[slot] = word;
        hashesAndNumbers[2 * slot] = hash;
        hashesAndNumbers[2 * slot + 1] = number + 1;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** Numbers words as the phrases are read. */
    static final class Builder {
        private final Map<String, Integer> numbers = new LinkedHashMap<>();

        int add(String word) {
            return numbers.computeIfAbsent(word, key -> numbers.size());
        }

        Vocabulary build() {
            return new Vocabulary(numbers);
        }
    }
}
