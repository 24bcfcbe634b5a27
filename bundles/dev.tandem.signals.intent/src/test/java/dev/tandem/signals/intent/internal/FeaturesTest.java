package dev.tandem.signals.intent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FeaturesTest {
    @Test
    void wordsAreNormalisedAndHanCharactersStandAlone() {
        assertEquals(List.of("dont", "refund", "0000", "我", "要", "退", "款", "ok"), Features.words("DON'T Refund 1234 我要退款 ok!"));
    }

    @Test
    void aTypoSharesCharacterGramsWithTheRightWord() {
        List<String> typo = List.of(Features.of("refnd"));
        List<String> right = List.of(Features.of("refund"));
        assertTrue(typo.contains("c=<re") && right.contains("c=<re"));
        assertTrue(typo.stream().filter(right::contains).count() >= 2);
    }

    @Test
    void everyTextHasTheBiasFeatureSoEachIntentHasAPrior() {
        assertEquals(List.of("bias"), List.of(Features.of("")));
        assertEquals("bias", Features.of("refund")[0]);
    }

    @Test
    void aShortWordStillGivesTheGramsOfItsEdges() {
        assertEquals(List.of("bias", "w=no", "c=<no", "c=no>"), List.of(Features.of("No")));
    }

    @Test
    void wordPairsAreFeatures() {
        assertTrue(List.of(Features.of("not received")).contains("b=not_received"));
    }
}
