package dev.tandem.workbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DrlContentAssistTest {

    @Test
    void insideAnEscalationTheQueuesAreProposed() {
        assertEquals(List.of("billing"), proposals("decision.escalate(\"bi|"));
        assertEquals(7, proposals("decision.escalate(\"|").size());
    }

    @Test
    void insideAFactPatternItsFieldsAreProposed() {
        List<String> fields = proposals("when\n    Signal( name == \"humanRequest\", va|");
        assertEquals(List.of("value"), fields);
        assertTrue(proposals("    Interaction( |").contains("aiConfidence"));
    }

    @Test
    void elsewhereFactTypesKeywordsAndARuleSkeletonAreProposed() {
        assertEquals(List.of("Signal"), proposals("when\n    Si|"));
        assertEquals(List.of("salience"), proposals("    sal|"));
        assertTrue(proposals("ru|").contains(DrlContentAssist.RULE_SKELETON));
    }

    /** Proposals at the {@code |} of the text. */
    private static List<String> proposals(String textWithCursor) {
        int cursor = textWithCursor.indexOf('|');
        return DrlContentAssist.proposals(textWithCursor.replace("|", ""), cursor);
    }
}
