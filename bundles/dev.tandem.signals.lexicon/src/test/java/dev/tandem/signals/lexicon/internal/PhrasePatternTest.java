package dev.tandem.signals.lexicon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PhrasePatternTest {
    @Test
    void normalisesTextLikeMessages() {
        assertEquals(List.of("dont", "talk", "to", "me"), Tokens.of("Don’t  TALK, to me!").words());
        assertEquals(List.of("agent"), Tokens.of("ＡＧＥＮＴ！").words());
        assertEquals(List.of("我", "要", "转", "人", "工"), Tokens.of("我要 转人工").words());
        assertEquals(List.of("cs", "nya", "gak", "usah"), Tokens.of("cs-nya gak usah").words());
    }

    @Test
    void choicesAndOptionalWordsMatchWithoutExpansion() {
        Compiled phrase = compile("(talk|speak) (to|with) (a|) (human|person)");

        assertEquals(16, phrase.phrase().variantCount());
        assertEquals(4, phrase.matchEnd("speak with a person", 0));
        assertEquals(3, phrase.matchEnd("talk to human please", 0));
        assertEquals(-1, phrase.matchEnd("talk about a human", 0));
    }

    @Test
    void gapsSkipUpToThreeWordsOfTheSameClause() {
        Compiled phrase = compile("charged * twice");

        assertEquals(2, phrase.matchEnd("charged twice", 0));
        assertEquals(5, phrase.matchEnd("charged my credit card twice", 0));
        assertEquals(-1, phrase.matchEnd("charged my old credit card twice", 0));
        assertEquals(-1, phrase.matchEnd("charged. twice", 0));
    }

    @Test
    void chineseMatchesAsSubstrings() {
        Compiled phrase = compile("(转|找)人工");

        assertEquals(5, phrase.matchEnd("我要转人工", 2));
        assertTrue(phrase.matchesWhole("找人工"));
        assertFalse(phrase.matchesWhole("找人工吧"));
    }

    @Test
    void rejectsPatternsThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("(talk|speak"));
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("(a|(b|c))"));
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("talk)"));
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("* twice"));
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("charged *"));
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("(a|) * twice"));
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("(a|)"));
    }

    @Test
    void wordsNoPhraseUsesAreUnknownToTheVocabularyAndMatchNothing() {
        Compiled phrase = compile("(talk|speak) to (a|) human");

        Tokens tokens = Tokens.of("please talk to a manager", phrase.vocabulary());
        assertEquals(Vocabulary.UNKNOWN, tokens.id(0));
        assertEquals(Vocabulary.UNKNOWN, tokens.id(4));
        assertEquals(tokens.id(1), phrase.vocabulary().id("talk"));
        assertEquals(-1, phrase.phrase().matchEnd(tokens, 1));
    }

    /** A phrase with the vocabulary its words were numbered in, as a lexicon holds them. */
    private record Compiled(Phrase phrase, Vocabulary vocabulary) {
        int matchEnd(String text, int start) {
            return phrase.matchEnd(Tokens.of(text, vocabulary), start);
        }

        boolean matchesWhole(String text) {
            return phrase.matchesWhole(Tokens.of(text, vocabulary));
        }
    }

    private static Compiled compile(String pattern) {
        Vocabulary.Builder words = new Vocabulary.Builder();
        Phrase phrase = Phrase.of("test", 1, PhrasePattern.compile(pattern), words);
        return new Compiled(phrase, words.build());
    }
}
