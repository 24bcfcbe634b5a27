package dev.tandem.api.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.api.Reason;
import dev.tandem.api.Route;

class DecisionTest {

    @Test
    void staysWithTheAssistantUntilARuleEscalates() {
        Decision decision = new Decision();
        decision.ruleFiring("everything else stays with the AI assistant");
        decision.keepWithAi("no escalation rule applies");
        decision.raisePriority(10, "tier gold");

        assertEquals(Route.AI, decision.getRoute());
        assertEquals(0, decision.getPriority(), "priority only matters for a human");
        assertEquals(List.of(new Reason("everything else stays with the AI assistant", "no escalation rule applies")),
                decision.getReasons());
    }

    @Test
    void theMostUrgentEscalationPicksTheQueueWhateverTheOrder() {
        Decision first = new Decision();
        first.escalate("general", 80, "asked");
        first.escalate("security", 90, "fraud");
        Decision second = new Decision();
        second.escalate("security", 90, "fraud");
        second.escalate("general", 80, "asked");

        assertEquals("security", first.getQueue());
        assertEquals("security", second.getQueue());
        assertEquals(90, first.getPriority());
        assertEquals(90, second.getPriority());
    }

    @Test
    void aTieGoesToTheQueueThatSortsFirstWhateverTheOrder() {
        Decision first = new Decision();
        first.escalate("security", 70, "personal data");
        first.escalate("billing", 70, "charged twice");
        Decision second = new Decision();
        second.escalate("billing", 70, "charged twice");
        second.escalate("security", 70, "personal data");

        assertEquals("billing", first.getQueue());
        assertEquals("billing", second.getQueue());
    }

    @Test
    void bonusesAndSkillsRefineAHumanRouteWithinTheMaximum() {
        Decision decision = new Decision();
        decision.ruleFiring("fraud");
        decision.escalate("security", 95, "topic.fraud 0.9");
        decision.ruleFiring("platinum");
        decision.raisePriority(15, "tier platinum");
        decision.requireSkill("english", "language en");
        decision.keepWithAi("ignored once escalated");

        assertEquals(Decision.MAX_PRIORITY, decision.getPriority());
        assertEquals(List.of("english"), decision.getSkills());
        assertEquals(List.of(new Reason("fraud", "topic.fraud 0.9"), new Reason("platinum", "tier platinum"),
                new Reason("platinum", "language en")), decision.getReasons());
    }

    @Test
    void countsChangesOfRouteSoTheEngineKnowsWhenToRepresentTheFact() {
        Decision decision = new Decision();
        decision.raisePriority(5, "tier");
        assertEquals(0, decision.changeCount());
        decision.escalate("general", 50, "x");
        assertTrue(decision.changeCount() > 0);
    }
}
