package dev.tandem.signals.lexicon.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Phrases indexed by their first word, so a message costs one map look-up per token. */
final class PhraseSet {
    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    private final int size;

    PhraseSet(Collection<Phrase> phrases) {
        for (Phrase phrase : phrases) {
            phrase.firstWords().forEach(word -> byFirstWord.computeIfAbsent(word, key -> new ArrayList<>()).add(phrase));
        }
        size = phrases.size();
    }

    int size() {
        return size;
    }

    List<Match> find(Tokens tokens) {
        List<Match> matches = new ArrayList<>();
        for (int start = 0; start < tokens.size(); start++) {
            for (Phrase phrase : byFirstWord.getOrDefault(tokens.word(start), List.of())) {
                int end = phrase.matchEnd(tokens, start);
                if (end > start) {
                    matches.add(new Match(phrase, start, end));
                }
            }
        }
        return matches;
    }

    /** Leftmost-longest matches only, so that "do not" counts once and not also as "not". */
    static List<Match> nonOverlapping(List<Match> matches) {
        List<Match> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparingInt(Match::start).thenComparingInt(match -> -match.end()));
        List<Match> kept = new ArrayList<>();
        for (Match match : sorted) {
            if (kept.isEmpty() || match.start() >= kept.get(kept.size() - 1).end()) {
                kept.add(match);
            }
        }
        return kept;
    }
}
