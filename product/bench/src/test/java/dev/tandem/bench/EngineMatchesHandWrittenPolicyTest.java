package dev.tandem.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.api.Router;
import dev.tandem.api.RoutingDecision;

/** The engine in Felix and the hand-written policy agree on 100,000 generated interactions. */
class EngineMatchesHandWrittenPolicyTest {
    private static final int INTERACTIONS = 100_000;

    @Test
    void zeroDifferencesOnAHundredThousandInteractions() throws Exception {
        List<String> differences = new ArrayList<>();
        int human = 0;
        int overBudget = 0;
        try (EngineHarness engine = EngineHarness.start()) {
            Router router = engine.router();
            for (Sample sample : InteractionMix.generate(INTERACTIONS, 7)) {
                RoutingDecision decision = router.decide(sample.interaction(), sample.signals());
                if (overTimeBudget(decision)) {
                    // a stall of this shared machine, not the rules: the fail-safe did its job; ask again
                    overBudget++;
                    decision = router.decide(sample.interaction(), sample.signals());
                }
                HandWrittenPolicy.Verdict expected = HandWrittenPolicy.decide(sample.interaction(), sample.signals());
                HandWrittenPolicy.Verdict actual = new HandWrittenPolicy.Verdict(decision.route(), decision.queue(),
                        decision.priority(), decision.skills());
                if (!expected.equals(actual) || decision.isFailSafe()) {
                    differences.add(sample + " expected " + expected + " but the engine said " + decision);
                }
                human += decision.route() == dev.tandem.api.Route.HUMAN ? 1 : 0;
            }
        }
        assertEquals(List.of(), differences.subList(0, Math.min(5, differences.size())),
                () -> differences.size() + " differences");
        System.out.printf("%d interactions, %d to a human, 0 differences (%d asked again after a time-budget stall)%n",
                INTERACTIONS, human, overBudget);
    }

    private static boolean overTimeBudget(RoutingDecision decision) {
        return decision.isFailSafe() && decision.failSafe().contains("time budget");
    }
}
