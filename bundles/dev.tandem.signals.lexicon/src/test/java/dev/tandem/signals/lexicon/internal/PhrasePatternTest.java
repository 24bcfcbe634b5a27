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
        Phrase phrase = phrase("(talk|speak) (to|with) (a|) (human|person)");

        assertEquals(16, phrase.variantCount());
        assertEquals(4, phrase.matchEnd(Tokens.of("speak with a person"), 0));
        assertEquals(3, phrase.matchEnd(Tokens.of("talk to human please"), 0));
        assertEquals(-1, phrase.matchEnd(Tokens.of("talk about a human"), 0));
    }

    @Test
    void gapsSkipUpToThreeWordsOfTheSameClause() {
        Phrase phrase = phrase("charged * twice");

        assertEquals(2, phrase.matchEnd(Tokens.of("charged twice"), 0));
        assertEquals(5, phrase.matchEnd(Tokens.of("charged my credit card twice"), 0));
        assertEquals(-1, phrase.matchEnd(Tokens.of("charged my old credit card twice"), 0));
        assertEquals(-1, phrase.matchEnd(Tokens.of("charged. twice"), 0));
    }

    @Test
    void chineseMatchesAsSubstrings() {
        Phrase phrase = phrase("(转|找)人工");

        assertEquals(5, phrase.matchEnd(Tokens.of("我要转人工"), 2));
        assertTrue(phrase.matchesWhole(Tokens.of("找人工")));
        assertFalse(phrase.matchesWhole(Tokens.of("找人工吧")));
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

    private static Phrase phrase(String pattern) {
        return new Phrase("test", 1, PhrasePattern.compile(pattern));
    }
}
