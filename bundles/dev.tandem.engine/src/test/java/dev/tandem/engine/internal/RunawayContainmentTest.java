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

import dev.tandem.api.Route;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.RulesetRef;

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
    void hitsOutsideTheWindowDoNotCount() throws Exception {
        List<String> withdrawn = new ArrayList<>();
        RunawayWatch watch = watch(withdrawn, 2, 1);
        watch.ranAway(VERSION, new Runaway(Runaway.TIME, "slow"));
        TimeUnit.MILLISECONDS.sleep(1_100);
        watch.ranAway(VERSION, new Runaway(Runaway.TIME, "slow"));
        watch.deactivate();

        assertFalse(withdrawn.iterator().hasNext(), withdrawn::toString);
    }

    private static RunawayWatch watch(List<String> withdrawn, int hits, long windowSeconds) throws Exception {
        RunawayWatch watch = new RunawayWatch();
        var field = RunawayWatch.class.getDeclaredField("rulesets");
        field.setAccessible(true);
        field.set(watch, new ActiveRulesets() {
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
