package dev.tandem.signals.lexicon.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.tandem.signals.lexicon.internal.Phrase.Slot;

/** Compiles the small pattern language of lexicon lines: {@code (a|b|)} choices and {@code *} gaps. */
final class PhrasePattern {
    private PhrasePattern() {
    }

    static List<Slot> compile(String pattern) {
        List<Slot> slots = new ArrayList<>();
        int position = 0;
        while (position < pattern.length()) {
            char c = pattern.charAt(position);
            if (c == '(') {
                int close = pattern.indexOf(')', position);
                if (close < 0 || pattern.substring(position + 1, close).contains("(")) {
                    throw new IllegalArgumentException("unbalanced or nested '(' in: " + pattern);
                }
                slots.add(choice(pattern.substring(position + 1, close).split("\\|", -1)));
                position = close + 1;
            } else if (c == '*') {
                slots.add(Slot.GAP);
                position++;
            } else if (c == ')') {
                throw new IllegalArgumentException("')' without '(' in: " + pattern);
            } else {
                int end = nextSpecial(pattern, position);
                List<String> words = Tokens.of(pattern.substring(position, end)).words();
                if (!words.isEmpty()) {
                    slots.add(new Slot(List.of(words), false));
                }
                position = end;
            }
        }
        check(slots, pattern);
        return List.copyOf(slots);
    }

    private static Slot choice(String[] alternatives) {
        Set<List<String>> runs = new LinkedHashSet<>();
        for (String alternative : alternatives) {
            runs.add(Tokens.of(alternative).words());
        }
        List<List<String>> longestFirst = new ArrayList<>(runs);
        longestFirst.sort(Comparator.comparingInt(run -> -run.size()));
        return new Slot(List.copyOf(longestFirst), false);
    }

    private static int nextSpecial(String pattern, int from) {
        for (int i = from; i < pattern.length(); i++) {
            if ("()*".indexOf(pattern.charAt(i)) >= 0) {
                return i;
            }
        }
        return pattern.length();
    }

    /** A gap follows a required word and precedes another slot; a phrase must not be able to match nothing. */
    private static void check(List<Slot> slots, String pattern) {
        if (slots.stream().allMatch(slot -> slot.gap() || slot.optional())) {
            throw new IllegalArgumentException("phrase can match nothing: " + pattern);
        }
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).gap() && (i == 0 || i == slots.size() - 1 || slots.get(i - 1).gap() || slots.get(i - 1).optional())) {
                throw new IllegalArgumentException("a '*' gap needs a required word before it and a word after it: " + pattern);
            }
        }
    }
}
