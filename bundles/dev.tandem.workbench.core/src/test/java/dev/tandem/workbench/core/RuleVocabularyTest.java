package dev.tandem.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RuleVocabularyTest {

    @Test
    void theFactTypesAreWhatTheEngineInserts() {
        assertEquals(List.of("Interaction", "Signal", "Decision"), RuleVocabulary.factTypes());
    }

    @Test
    void fieldsAreTheBeanPropertiesRulesCanConstrain() {
        assertTrue(RuleVocabulary.fields("Signal").containsAll(Set.of("name", "value", "label", "detector")));
        assertTrue(RuleVocabulary.fields("Interaction").containsAll(Set.of("aiConfidence", "customerTier", "language")));
        assertTrue(RuleVocabulary.fields("Decision").contains("human"));
        assertEquals(Set.of(), RuleVocabulary.fields("Vip"));
    }

    @Test
    void theQueuesAreThoseOfTheRoutingPolicy() {
        assertEquals(List.of("security", "billing", "complaints", "retention", "technical", "care", "general"),
                RuleVocabulary.queues());
    }
}
