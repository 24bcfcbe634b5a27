package dev.tandem.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tandem.api.Customer;
import dev.tandem.api.Interaction;
import dev.tandem.api.Message;
import dev.tandem.api.Route;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.RulesetRef;
import dev.tandem.api.Signal;

/** The default rules, compiled outside OSGi, decide as the policy says; traps fail safe. */
class DecisionMakerTest {
    static final Path DEFAULT_RULES = Path.of(System.getProperty("tandem.root", "../.."), "rules", "escalation-default");
    private static final Limits LIMITS = Limits.of(1000, 100);
    private static CompiledRuleset defaults;
    private final DecisionMaker maker = new DecisionMaker(new SignalDetection(), LIMITS);

    @BeforeAll
    static void compileDefaultRules() throws IOException {
        RulesetCompiler.Result result = new RulesetCompiler(DecisionMakerTest.class.getClassLoader())
                .compile(new RulesetRef("rules.escalation-default", "1.0.0"), files(DEFAULT_RULES.resolve("drl")));
        assertTrue(result.ok(), () -> "default rules compile: " + result.problems());
        defaults = result.ruleset();
    }

    @Test
    void decisionIdsAreVersion7UuidsThatSortByTheTimeTheyWereMade() throws InterruptedException {
        long before = System.currentTimeMillis();
        String first = DecisionMaker.newDecisionId();
        Thread.sleep(2);
        String second = DecisionMaker.newDecisionId();
        long after = System.currentTimeMillis();
        UUID id = UUID.fromString(first);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, first);
        assertTrue(first.compareTo(second) < 0, first + " before " + second);
    }

    @Test
    void aHumanRequestGoesToTheGeneralQueueWithTheLanguageSkillAndTierBonus() {
        RoutingDecision decision = maker.decide(interaction("en", "gold", 0.9, Map.of()), defaults,
                List.of(Signal.score("humanRequest", 0.97, "test")));

        assertEquals(Route.HUMAN, decision.route());
        assertEquals("general", decision.queue());
        assertEquals(90, decision.priority());
        assertEquals(List.of("english"), decision.skills());
        assertEquals("customer asks for a human", decision.reasons().get(0).rule());
        assertEquals("humanRequest 0.97", decision.reasons().get(0).detail());
        assertEquals(0.97, decision.signals().get("humanRequest"));
        assertNull(decision.failSafe());
    }

    @Test
    void nothingToEscalateStaysWithTheAssistantAndSaysWhy() {
        RoutingDecision decision = maker.decide(interaction("zh", "gold", 0.9, Map.of()), defaults, List.of());

        assertEquals(Route.AI, decision.route());
        assertNull(decision.queue());
        assertEquals(List.of(), decision.skills());
        assertEquals("everything else stays with the AI assistant", decision.reasons().get(0).rule());
        assertEquals(List.of("everything else stays with the AI assistant"), decision.firedRules());
    }

    @Test
    void theAssistantStrugglingHandsOverOnlyAfterRepeatedAttempts() {
        RoutingDecision twice = maker.decide(interaction("id", null, 0.3, Map.of("failedAttempts", 2)), defaults, List.of());
        RoutingDecision once = maker.decide(interaction("id", null, 0.3, Map.of("failedAttempts", 1)), defaults, List.of());

        assertEquals(Route.HUMAN, twice.route());
        assertEquals(List.of("indonesian"), twice.skills());
        assertEquals(Route.AI, once.route());
    }

    @Test
    void withoutARulesetTheInteractionGoesToAHuman() {
        RoutingDecision decision = maker.decide(interaction("en", null, 0.9, Map.of()), null, List.of());

        assertEquals(Route.HUMAN, decision.route());
        assertEquals(DecisionMaker.FAIL_SAFE_QUEUE, decision.queue());
        assertEquals("no active ruleset", decision.failSafe());
        assertEquals(DecisionMaker.FAIL_SAFE_RULE, decision.reasons().get(0).rule());
    }

    @Test
    void aThrowingRuleAndARunawayRuleFailSafe() {
        CompiledRuleset traps = compile("""
                rule "throws" when Interaction( text("trap") == "throw" ) then throw new IllegalStateException("boom"); end
                rule "loops" when $i : Interaction( text("trap") == "loop" ) then update($i); end
                """);

        RoutingDecision thrown = maker.decide(interaction("en", null, 1, Map.of("trap", "throw")), traps, List.of());
        // a budget no stall of a shared machine reaches: this decision must end by the firing limit
        DecisionMaker patient = new DecisionMaker(new SignalDetection(), Limits.of(1000, 60_000));
        RoutingDecision looped = patient.decide(interaction("en", null, 1, Map.of("trap", "loop")), traps, List.of());

        assertTrue(thrown.failSafe().startsWith("rule 'throws' failed"), thrown.failSafe());
        assertTrue(thrown.failSafe().contains("boom"), thrown.failSafe());
        assertTrue(looped.failSafe().startsWith("more than 1000 rule firings"), looped.failSafe());
        assertEquals(Route.HUMAN, looped.route());
    }

    @Test
    void factsARuleInsertedDoNotLeakIntoTheNextDecisionOnAPooledSession() {
        CompiledRuleset remembering = compile("""
                rule "remember the first caller" when Interaction( text("trap") == "remember" )
                then insert("remembered"); end
                rule "a remembered caller goes to a human" when String( this == "remembered" )
                then decision.escalate("general", 50, "remembered"); end
                """);

        RoutingDecision first = maker.decide(interaction("en", null, 1, Map.of("trap", "remember")), remembering, List.of());
        RoutingDecision second = maker.decide(interaction("en", null, 1, Map.of()), remembering, List.of());

        assertEquals(Route.HUMAN, first.route());
        assertEquals(Route.AI, second.route(), "the second decision must not see the first one's facts");
    }

    @Test
    void aDetectorThatThrowsFailsSafeNamingIt() {
        SignalDetection detection = new SignalDetection() {
            @Override
            List<Signal> detect(Interaction interaction) throws DetectorFailure {
                throw new DetectorFailure("broken", new IllegalArgumentException("bad model"));
            }
        };
        RoutingDecision decision = new DecisionMaker(detection, LIMITS)
                .decide(interaction("en", null, 1, Map.of()), defaults, null);

        assertTrue(decision.failSafe().contains("signal detector 'broken' failed"), decision.failSafe());
    }

    static CompiledRuleset compile(String rules) {
        return compile(rules, true);
    }

    /** @param direct whether rules that allow it are evaluated directly, or all run in Drools sessions */
    static CompiledRuleset compile(String rules, boolean direct) {
        String drl = """
                package rules.test;
                import dev.tandem.api.Interaction;
                import dev.tandem.api.rules.Decision;
                global Decision decision;
                """ + rules;
        RulesetCompiler.Result result = new RulesetCompiler(DecisionMakerTest.class.getClassLoader(), direct)
                .compile(new RulesetRef("rules.test", "1.0.0"), Map.of("test.drl", drl.getBytes()));
        assertTrue(result.ok(), () -> result.problems().toString());
        return result.ruleset();
    }

    static Interaction interaction(String language, String tier, double aiConfidence, Map<String, Object> attributes) {
        return new Interaction("c-1", "chat", language, new Customer("u-1", tier),
                List.of(new Message("customer", "hello")), aiConfidence, attributes);
    }

    static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.toList()) {
                files.put(folder.getFileName() + "/" + path.getFileName(), Files.readAllBytes(path));
            }
        }
        return files;
    }
}
