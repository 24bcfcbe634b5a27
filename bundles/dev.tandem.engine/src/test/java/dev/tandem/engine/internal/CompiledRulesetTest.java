package dev.tandem.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tandem.api.Interaction;
import dev.tandem.api.Route;
import dev.tandem.api.Signal;

/** Pooled sessions (rules run in Drools sessions, not directly): reused between decisions, replaced once they served their share. */
class CompiledRulesetTest {
    private static final Limits LIMITS = Limits.of(1000, 1000);

    @Test
    void oneThreadDecidingInTurnReusesOneSessionUntilItIsWorn() {
        CompiledRuleset ruleset = DecisionMakerTest.compile("""
                rule "a single pattern rule" when Interaction( text("escalate") == "yes" )
                then decision.escalate("general", 50, "asked"); end
                """, false);
        Interaction escalating = DecisionMakerTest.interaction("en", null, 1, Map.of("escalate", "yes"));

        for (int i = 0; i < 2 * CompiledRuleset.DECISIONS_PER_SESSION + 1; i++) {
            Evaluation evaluation = ruleset.evaluate(escalating, List.<Signal>of(), LIMITS);
            assertFalse(evaluation.failed(), evaluation::failure);
            assertEquals(Route.HUMAN, evaluation.decision().getRoute());
        }

        assertEquals(3, ruleset.sessionsCreated(), "a session per " + CompiledRuleset.DECISIONS_PER_SESSION + " decisions");
    }
}
