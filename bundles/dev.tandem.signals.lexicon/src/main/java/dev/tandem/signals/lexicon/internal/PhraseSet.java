package dev.tandem.signals.lexicon.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Phrases indexed by the vocabulary number of their first word, so a message costs one array read per token. */
final class PhraseSet {
    private static final Phrase[] NONE = {};

    private final Phrase[][] byFirstId;
    private final int size;

    PhraseSet(Collection<Phrase> phrases, Vocabulary vocabulary) {
        List<List<Phrase>> lists = new ArrayList<>();
        for (int id = 0; id < vocabulary.size(); id++) {
            lists.add(new ArrayList<>());
        }
        for (Phrase phrase : phrases) {
            for (int id : phrase.firstIds()) {
                lists.get(id).add(phrase);
            }
        }
        byFirstId = new Phrase[lists.size()][];
        for (int id = 0; id < byFirstId.length; id++) {
            byFirstId[id] = lists.get(id).isEmpty() ? NONE : lists.get(id).toArray(Phrase[]::new);
        }
        size = phrases.size();
    }

    int size() {
        return size;
    }

    List<Match> find(Tokens tokens) {
        List<Match> matches = new ArrayList<>();
        for (int start = 0; start < tokens.size(); start++) {
            for (Phrase phrase : startingWith(tokens, start)) {
                int end = phrase.matchEnd(tokens, start);
                if (end > start) {
                    matches.add(new Match(phrase, start, end));
                }
            }
        }
        return matches;
    }

    /** The phrases whose first word is the token at {@code index}. */
    Phrase[] startingWith(Tokens tokens, int index) {
        int id = tokens.id(index);
        return id == Vocabulary.UNKNOWN ? NONE : byFirstId[id];
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
