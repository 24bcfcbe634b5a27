package dev.tandem.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import dev.tandem.api.Route;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.RulesetRef;
import dev.tandem.api.RunawayTally;

/** Runaway decisions fail safe, are reported per ruleset version, and enough of them withdraw the version. */
class RunawayContainmentTest {
    private static final RulesetRef VERSION = new RulesetRef("rules.test", "1.0.0");

    /** The listener the router gives the decision maker, recording instead of counting. */
    private final List<Runaway> reported = new ArrayList<>();
    private final DecisionMaker.RunawayListener recorder = (version, runaway) -> reported.add(runaway);

    @Test
    void aRuleThatHoardsMemoryIsStoppedAtTheBudgetAndReported() {
        CompiledRuleset hoarder = DecisionMakerTest.compile("""
                rule "hoards memory"
                when $i : Interaction()
                then insert(new long[1_000_000]); update($i);
                end
                """);
        DecisionMaker maker = new DecisionMaker(new SignalDetection(), Limits.of(1000, 60_000, 32), recorder);

        RoutingDecision decision = maker.decide(DecisionMakerTest.interaction("en", null, 1, Map.of()), hoarder, List.of());

        assertEquals(Route.HUMAN, decision.route());
        assertTrue(decision.failSafe().startsWith("memory budget of 32 MB exceeded (at rule 'hoards memory')"),
                decision.failSafe());
        assertTrue(decision.firedRules().size() < 10, () -> decision.firedRules().size() + " firings");
        assertEquals(List.of(new Runaway(Runaway.MEMORY, "hoards memory")), reported);
    }

    @Test
    void theFiringLimitIsReportedWithItsRule() {
        CompiledRuleset looper = DecisionMakerTest.compile("""
                rule "loops" when $i : Interaction() then update($i); end
                """);
        DecisionMaker maker = new DecisionMaker(new SignalDetection(), Limits.of(100, 60_000, 64), recorder);

        maker.decide(DecisionMakerTest.interaction("en", null, 1, Map.of()), looper, List.of());

        assertEquals(List.of(new Runaway(Runaway.FIRINGS, "loops")), reported);
        assertEquals("runaway: firings in 'loops'", reported.get(0).reason());
    }

    @Test
    void anOrdinaryFailureIsNoRunawayButStackAndHeapExhaustionAre() {
        CompiledRuleset thrower = DecisionMakerTest.compile("""
                rule "throws" when Interaction() then throw new IllegalStateException("boom"); end
                """);
        new DecisionMaker(new SignalDetection(), Limits.of(100, 60_000), recorder)
                .decide(DecisionMakerTest.interaction("en", null, 1, Map.of()), thrower, List.of());

        assertEquals(List.of(), reported);
        assertNull(Runaway.behind(new IllegalStateException("boom"), "r"));
        assertEquals(new Runaway("stack", "r"), Runaway.behind(new RuntimeException(new StackOverflowError()), "r"));
        assertEquals(new Runaway("heap", "r"), Runaway.behind(new OutOfMemoryError(), "r"));
    }

    @Test
    void aRuleThatKeepsFiringPastTheTimeBudgetIsARunaway() {
        CompiledRuleset burner = DecisionMakerTest.compile("""
                rule "burns the CPU"
                when $i : Interaction()
                then java.math.BigInteger.valueOf(7).pow(1500).toString(); update($i);
                end
                """);
        DecisionMaker maker = new DecisionMaker(new SignalDetection(), Limits.of(1_000_000, 50, 0), recorder);
        maker.decide(DecisionMakerTest.interaction("en", null, 1, Map.of()), burner, List.of());
        reported.clear(); // the first decision on a new rule base may spend the budget warming up, before any firing
        RoutingDecision decision = maker.decide(DecisionMakerTest.interaction("en", null, 1, Map.of()), burner,
                List.of());

        assertTrue(decision.failSafe().startsWith("time budget of 50 ms exceeded"), decision.failSafe());
        assertEquals(List.of(new Runaway(Runaway.TIME, "burns the CPU")), reported);
    }

    @Test
    void aDecisionTheMachineStalledFailsSafeWithoutBlamingTheRules() {
        // built without the sandbox: one sleep stands in for a collector pause or a descheduled thread
        CompiledRuleset stalled = withoutSandbox("""
                rule "first" salience 10 when Interaction() then decision.keepWithAi("first"); end
                rule "is stalled" salience 5 when Interaction() then Thread.sleep(80); end
                rule "last" when Interaction() then decision.keepWithAi("last"); end
                """);
        RoutingDecision decision = warmSecondDecision(stalled);

        assertTrue(decision.failSafe().startsWith("time budget of 50 ms exceeded (at rule 'last')"),
                decision.failSafe());
        assertEquals(List.of(), reported);
    }

    @Test
    void aDecisionOffTheCpuPastTheBudgetIsNotBlamedEvenWhenItWasStillFiringAfterATenth() {
        // the first sleep carries the decision past a tenth of the budget; the second waits out the budget off the CPU
        CompiledRuleset stalled = withoutSandbox("""
                rule "slow start" salience 10 when Interaction() then Thread.sleep(15); end
                rule "is stalled" salience 5 when Interaction() then Thread.sleep(80); end
                rule "last" when Interaction() then decision.keepWithAi("last"); end
                """);
        RoutingDecision decision = warmSecondDecision(stalled);

        assertTrue(decision.failSafe().startsWith("time budget of 50 ms exceeded (at rule 'last')"),
                decision.failSafe());
        assertEquals(List.of(), reported);
    }

    /** The second decision of a maker with a 50 ms budget: the first runs the rules' code once (class loading). */
    private RoutingDecision warmSecondDecision(CompiledRuleset rules) {
        DecisionMaker maker = new DecisionMaker(new SignalDetection(), Limits.of(1_000, 50, 0), recorder);
        maker.decide(DecisionMakerTest.interaction("en", null, 1, Map.of()), rules, List.of());
        reported.clear();
        return maker.decide(DecisionMakerTest.interaction("en", null, 1, Map.of()), rules, List.of());
    }

    private static CompiledRuleset withoutSandbox(String rules) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(KnowledgeBuilderFactory
                .newKnowledgeBuilderConfiguration(null, RunawayContainmentTest.class.getClassLoader()));
        builder.add(ResourceFactory.newByteArrayResource(("""
                package rules.test;
                import dev.tandem.api.Interaction;
                import dev.tandem.api.rules.Decision;
                global Decision decision;
                """ + rules).getBytes()), ResourceType.DRL);
        assertFalse(builder.hasErrors(), () -> builder.getErrors().toString());
        return new CompiledRuleset(VERSION, builder.newKieBase());
    }

    @Test
    void theVersionIsWithdrawnAfterTheConfiguredHitsWithinTheWindow() throws Exception {
        List<String> withdrawn = new ArrayList<>();
        RunawayWatch watch = watch(withdrawn, 3, 60);
        Runaway runaway = new Runaway(Runaway.TIME, "slow");

        watch.ranAway(VERSION, runaway);
        watch.ranAway(VERSION, runaway);
        watch.ranAway(new RulesetRef("rules.test", "0.9.0"), runaway);
        watch.deactivate();
        assertEquals(List.of(), withdrawn);

        watch = watch(withdrawn, 3, 60);
        for (int i = 0; i < 3; i++) {
            watch.ranAway(VERSION, runaway);
        }
        watch.deactivate();
        assertEquals(List.of("rules.test 1.0.0 by engine: runaway: time in 'slow'"), withdrawn);
        assertEquals(3, watch.hits(VERSION));
    }

    @Test
    void theTallyCountsByLimitAndShowsTheHitsInTheWindow() throws Exception {
        RunawayWatch watch = watch(new ArrayList<>(), 3, 60);
        watch.ranAway(VERSION, new Runaway(Runaway.TIME, "slow"));
        watch.ranAway(VERSION, new Runaway(Runaway.FIRINGS, "loops"));
        watch.deactivate();

        RunawayTally tally = watch.tally(VERSION);
        assertEquals(Map.of("time", 1L, "firings", 1L), tally.byLimit());
        assertEquals(2, tally.inWindow());
        assertEquals(3, tally.withdrawAt());
        assertEquals(60, tally.windowSeconds());
        assertEquals(List.of(tally), watch.tallies());
        assertEquals(0, watch.tally(new RulesetRef("rules.test", "0.9.0")).total());
    }

    @Test
    void hitsOutsideTheWindowDoNotCount() throws Exception {
        List<String> withdrawn = new ArrayList<>();
        RunawayWatch watch = watch(withdrawn, 2, 1);
        watch.ranAway(VERSION, new Runaway(Runaway.TIME, "slow"));
        TimeUnit.MILLISECONDS.sleep(1_100);
        watch.ranAway(VERSION, new Runaway(Runaway.TIME, "slow"));
        watch.deactivate();

        assertFalse(withdrawn.iterator().hasNext(), withdrawn::toString);
    }

    private static RunawayWatch watch(List<String> withdrawn, int hits, long windowSeconds) {
        RunawayWatch watch = new RunawayWatch(new ActiveRulesets() {
            @Override
            public CompiledRuleset activeRuleset(String name) {
                return null;
            }

            @Override
            public boolean withdraw(RulesetRef version, String actor, String reason) {
                synchronized (withdrawn) {
                    withdrawn.add(version.name() + " " + version.version() + " by " + actor + ": " + reason);
                }
                return true;
            }
        });
        watch.activate(config(hits, windowSeconds));
        return watch;
    }

    private static RunawayWatch.Config config(int hits, long windowSeconds) {
        return new RunawayWatch.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RunawayWatch.Config.class;
            }

            @Override
            public int hits() {
                return hits;
            }

            @Override
            public long windowSeconds() {
                return windowSeconds;
            }
        };
    }
}
