package dev.tandem.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.tandem.api.Customer;
import dev.tandem.api.Interaction;
import dev.tandem.api.Message;
import dev.tandem.api.RulesetRef;
import dev.tandem.api.Signal;

/**
 * The direct evaluation decides exactly as Drools' network does: the same route, queue, priority, skills, reasons
 * in the same order, fired rules in the same order, and the same failures; rules it cannot evaluate run on Drools.
 */
class DirectRulesTest {
    private static final Limits LIMITS = Limits.of(100, 1000);
    private static final String[] NAMES = {"humanRequest", "topic.fraud", "topic.personalData", "topic.billingDispute",
        "topic.complaint", "topic.cancel", "topic.bereavement", "topic.health", "tone.distress", "tone.anger",
        "tone.sarcasm", "tone.profanity", "conversation.repeated", "conversation.waiting", "sentiment"};
    private static final double[] VALUES = {0.0, 0.04, 0.05, 0.06, 0.3, 0.5, 0.6, 0.69, 0.7, 0.71, 0.8, 0.95, 1.0};
    private static final String[] LANGUAGES = {"en", "en-GB", "EN", "zh", "zh-CN", "id", "in-ID", "fr", null};
    private static final String[] TIERS = {"platinum", "gold", "standard", null};

    private static Map<String, byte[]> defaultRules;
    private static List<String> domains;
    private static List<String> intents;

    @BeforeAll
    static void readDefaultRules() throws IOException {
        defaultRules = DecisionMakerTest.files(DecisionMakerTest.DEFAULT_RULES.resolve("drl"));
        String all = new String(defaultRules.values().stream().reduce(new byte[0], DirectRulesTest::concat),
                StandardCharsets.UTF_8);
        domains = quoted(all, "text\\(\"domain\"\\) == \"([^\"]+)\"");
        intents = quoted(all, "label == \"([^\"]+)\"");
    }

    @Test
    void theDefaultRulesetIsEvaluatedDirectly() {
        assertTrue(compile(defaultRules, true).evaluatedDirectly());
        assertFalse(compile(defaultRules, false).evaluatedDirectly());
    }

    @Test
    void theDefaultRulesetDecidesAHundredThousandInteractionsAsDroolsDoes() {
        CompiledRuleset direct = compile(defaultRules, true);
        CompiledRuleset drools = compile(defaultRules, false);
        Random random = new Random(7);
        int escalated = 0;
        for (int i = 0; i < 100_000; i++) {
            Interaction interaction = interaction(i, random);
            List<Signal> signals = signals(random);
            String expected = outcome(drools.evaluate(interaction, signals, LIMITS));
            String actual = outcome(direct.evaluate(interaction, signals, LIMITS));
            int index = i;
            assertEquals(expected, actual, () -> "interaction " + index + " " + interaction + " " + signals);
            escalated += expected.startsWith("HUMAN") ? 1 : 0;
        }
        assertTrue(escalated > 20_000 && escalated < 80_000, "the mix escalates some, not all: " + escalated);
    }

    /** Semantics beyond the default rules: ties, re-firing after a change, nulls, runaways and failures. */
    @Test
    void edgesOfTheRuleSemanticsDecideAsDroolsDoes() {
        String rules = """
                import dev.tandem.api.Signal;
                rule "each strong signal escalates" when Signal( value >= 0.7, $name : name, $v : value )
                then decision.escalate("general", 50 + (int) (10 * $v), $name + " " + $v); end
                rule "a tie in salience: the rule loaded first fires first" when Signal( name == "a" )
                then decision.escalate("b-queue", 50, "a"); end
                rule "fraud after anything" salience -20 when Signal( name == "fraud" )
                then decision.escalate("security", 95, "fraud"); end
                rule "re-fires when the decision changes again" salience -10 when Decision( human ) Interaction( )
                then decision.raisePriority(1, "again"); end
                rule "no confidence" when Interaction( aiConfidence == null ) then decision.keepWithAi("none"); end
                rule "low confidence" when Interaction( aiConfidence < 0.5 ) then decision.keepWithAi("low"); end
                rule "not a half" when Interaction( aiConfidence != 0.5 ) then decision.keepWithAi("not half"); end
                rule "no tier" when Interaction( customerTier == null ) then decision.keepWithAi("no tier"); end
                rule "not English" when Interaction( language != "en" ) then decision.keepWithAi("not en"); end
                rule "pairs" salience 5 when $i : Interaction( ) $s : Signal( name == "pair" )
                then decision.keepWithAi($i.getChannel() + $s.getValue()); end
                rule "loops" when Decision( human, queue == "loop" ) Signal( name == "loop" )
                then decision.escalate("loop", 1, "again"); end
                rule "starts a loop" when Signal( name == "loop" ) then decision.escalate("loop", 99, "start"); end
                rule "fails" when Signal( name == "fail" ) then Integer.parseInt("not a number"); end
                rule "the AI keeps it" salience -100 when Decision( !human ) then decision.keepWithAi("default"); end
                """;
        CompiledRuleset direct = DecisionMakerTest.compile("import dev.tandem.api.Signal;\n" + rules, true);
        CompiledRuleset drools = DecisionMakerTest.compile("import dev.tandem.api.Signal;\n" + rules, false);
        assertTrue(direct.evaluatedDirectly());
        String[] names = {"a", "fraud", "pair", "loop", "fail", "x"};
        Random random = new Random(11);
        TreeSet<String> failures = new TreeSet<>();
        for (int i = 0; i < 5_000; i++) {
            Interaction interaction = interaction(i, random);
            List<Signal> signals = new ArrayList<>();
            for (int s = random.nextInt(5); s > 0; s--) {
                String name = names[random.nextInt(random.nextInt(20) == 0 ? names.length : names.length - 2)];
                signals.add(Signal.score(name, VALUES[random.nextInt(VALUES.length)], "test"));
            }
            Evaluation expected = drools.evaluate(interaction, signals, LIMITS);
            String outcome = outcome(expected);
            assertEquals(outcome, outcome(direct.evaluate(interaction, signals, LIMITS)),
                    () -> interaction + " " + signals);
            if (expected.failed()) {
                failures.add(expected.failure().replaceAll("\\d+", "N"));
            }
        }
        assertEquals(2, failures.size(), "both a runaway and a failing rule were tried: " + failures);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "rule \"r\" when then decision.keepWithAi(\"x\"); end",
        "rule \"r\" when not Interaction( ) then decision.keepWithAi(\"x\"); end",
        "rule \"r\" when exists Interaction( ) then decision.keepWithAi(\"x\"); end",
        "rule \"r\" when Interaction( ) or Decision( human ) then decision.keepWithAi(\"x\"); end",
        "rule \"r\" when Interaction( ) eval( true ) then decision.keepWithAi(\"x\"); end",
        "rule \"r\" when Interaction( language == \"en\" || language == \"zh\" ) then decision.keepWithAi(\"x\"); end",
        "rule \"r\" when Interaction( $l : language ) Interaction( channel == $l ) then decision.keepWithAi(\"x\"); end",
        "rule \"r\" when Interaction( customer.tier == \"gold\" ) then decision.keepWithAi(\"x\"); end",
        "rule \"r\" when Interaction( language in (\"en\", \"zh\") ) then decision.keepWithAi(\"x\"); end",
        "rule \"r\" no-loop when Interaction( ) then decision.keepWithAi(\"x\"); end",
        "rule \"r\" agenda-group \"g\" when Interaction( ) then decision.keepWithAi(\"x\"); end",
        "rule \"r\" when $i : Interaction( ) then update($i); end",
        "rule \"r\" when Interaction( ) then insert(\"fact\"); end",
        "rule \"r\" when Interaction( ) then drools.halt(); end",
        "rule \"r\" when Decision( ) Interaction( ) then decision.keepWithAi(\"x\"); end",
        "import dev.tandem.api.Signal;\nrule \"r\" when Signal( name == \"a\" ) Signal( name == \"b\" ) then decision.keepWithAi(\"x\"); end",
        "rule \"r\" when String( ) then decision.keepWithAi(\"x\"); end",
        "global Decision other;\nrule \"r\" when Interaction( ) then other.keepWithAi(\"x\"); end",
    })
    void rulesBeyondTheDirectEvaluationRunInDroolsSessions(String rule) {
        CompiledRuleset ruleset = DecisionMakerTest.compile(rule, true);
        assertFalse(ruleset.evaluatedDirectly(), rule);
    }

    private static CompiledRuleset compile(Map<String, byte[]> files, boolean direct) {
        RulesetCompiler.Result result = new RulesetCompiler(DirectRulesTest.class.getClassLoader(), direct)
                .compile(new RulesetRef("rules.escalation-default", "1.0.0"), files);
        assertTrue(result.ok(), () -> result.problems().toString());
        return result.ruleset();
    }

    private static String outcome(Evaluation evaluation) {
        var decision = evaluation.decision();
        return decision.getRoute() + " " + decision.getQueue() + " " + decision.getPriority() + " "
                + decision.getSkills() + " " + decision.getReasons() + " fired " + evaluation.firedRules()
                + " failure " + evaluation.failure() + " runaway " + evaluation.runaway();
    }

    private static Interaction interaction(int index, Random random) {
        Map<String, Object> attributes = new HashMap<>();
        if (random.nextInt(4) > 0) {
            attributes.put("domain", random.nextInt(8) == 0 ? "elsewhere" : domains.get(random.nextInt(domains.size())));
        }
        if (random.nextBoolean()) {
            attributes.put("failedAttempts", random.nextInt(4));
        }
        Double confidence = random.nextInt(6) == 0 ? null : random.nextInt(11) / 10.0;
        return new Interaction("c-" + index, "chat", LANGUAGES[random.nextInt(LANGUAGES.length)],
                new Customer("u-" + index, TIERS[random.nextInt(TIERS.length)]),
                List.of(new Message("customer", "hello")), confidence, attributes);
    }

    private static List<Signal> signals(Random random) {
        List<Signal> signals = new ArrayList<>();
        for (int s = random.nextInt(4); s > 0; s--) {
            signals.add(Signal.score(NAMES[random.nextInt(NAMES.length)], value(random), "test"));
        }
        for (int s = random.nextInt(4); s > 0; s--) {
            String label = random.nextInt(10) == 0 ? "SOMETHING_ELSE" : intents.get(random.nextInt(intents.size()));
            signals.add(new Signal("intent", value(random), label, "test"));
        }
        if (random.nextBoolean()) {
            signals.add(new Signal("language", value(random), new String[] {"en", "zh", "id", "fr"}[random.nextInt(4)],
                    "test"));
        }
        return signals;
    }

    private static double value(Random random) {
        return random.nextInt(3) == 0 ? random.nextDouble() : VALUES[random.nextInt(VALUES.length)];
    }

    private static List<String> quoted(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        TreeSet<String> found = new TreeSet<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return List.copyOf(found);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
