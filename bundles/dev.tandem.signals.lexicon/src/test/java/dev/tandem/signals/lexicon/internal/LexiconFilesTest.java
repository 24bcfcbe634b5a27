package dev.tandem.signals.lexicon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LexiconFilesTest {
    private static final Set<String> SIGNALS = Set.of("humanRequest", "topic.bereavement", "topic.health", "topic.fraud",
            "topic.personalData", "topic.billingDispute", "topic.complaint", "topic.cancel");

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh", "id"})
    void everySignalHasDozensOfPhrasingsAndNegationCuesInEveryLanguage(String language) {
        Lexicon lexicon = Lexicon.load(List.of(language), 0.95);

        assertEquals(SIGNALS, lexicon.phraseCounts().keySet(), language);
        lexicon.phraseCounts().forEach((signal, count) -> assertTrue(count >= 24, language + " " + signal + ": " + count));
        assertTrue(lexicon.negationCount() > 0, language);
    }

    @Test
    void allListsLoadTogetherForMessagesOfUnknownLanguage() {
        assertEquals(SIGNALS, Lexicon.load(List.of("en", "zh", "id"), 0.95).phraseCounts().keySet());
    }
}
