package dev.tandem.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tandem.api.Route;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.Signal;
import dev.tandem.signals.intent.training.ModelTrainer;

/** Signal-model bundles in the real engine: the shipped models route, and a model swaps while the engine runs. */
class EvalEngineTest {
    private static final Path DISTRIBUTION = Path.of(System.getProperty("tandem.root", "../.."))
            .resolve("product/engine/target/tandem-engine");
    private static final String DOMAIN = "test-shop";

    @TempDir
    static Path folder;
    private static EvalEngine engine;

    @BeforeAll
    static void start() throws Exception {
        engine = EvalEngine.start(DISTRIBUTION);
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
    }

    @Test
    void theShippedBitextModelSendsARequestForAPersonToTheGeneralQueue() throws Exception {
        engine.awaitIntent("bitext");
        RoutingDecision decision = engine.decide(EvalEngine.interaction("b-1", "i need to talk with a human agent", "bitext"));
        assertEquals(Route.HUMAN, decision.route());
        assertEquals("general", decision.queue());
        assertEquals("contact_human_agent", decision.signals().get("intent"));
        assertEquals(Route.AI, engine.decide(EvalEngine.interaction("b-2", "help me track my order", "bitext")).route());
    }

    @Test
    void aNewModelBundleReplacesTheDomainsModelAndUninstallingItRemovesIt() throws Exception {
        engine.swapModel(modelJar("1.0.0", "get_refund", "track_delivery"), DOMAIN);
        assertEquals("get_refund", bestIntent("could I get a refund please"));
        engine.swapModel(modelJar("2.0.0", "refund_v2", "delivery_v2"), DOMAIN);
        assertEquals("refund_v2", bestIntent("could I get a refund please"));
        engine.removeModels(DOMAIN);
        assertEquals(List.of(), intents("could I get a refund please"));
    }

    @Test
    void evaluationPrintsTheMachineReadableLineLast() throws Exception {
        String[] lines = evaluationOfTwoRows().strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.matches("human_recall=1\\.0000 ai_precision=1\\.0000 queue_accuracy=1\\.0000 "
                + "route_accuracy=1\\.0000 signal_us_p99=\\d+"), last);
    }

    @Test
    void printsEachMessagesOwnCostBesideTheSingleRunWithoutExceedingIt() throws Exception {
        String text = evaluationOfTwoRows();
        assertTrue(p99(text, "signal time/message") >= p99(text, "  best of 3 runs"), text);
    }

    @Test
    void printsEachDetectorsMeanAndP99NotAboveTheMessagesWhole() throws Exception {
        String text = evaluationOfTwoRows();
        long whole = p99(text, "signal time/message");
        for (String detector : List.of("conversation", "intent", "language", "lexicon", "tone")) {
            assertTrue(p99(text, "  " + detector) <= whole, detector + " in\n" + text);
        }
    }

    /** What eval prints for two rows it routes with a fresh model of the test domain. */
    private static String evaluationOfTwoRows() throws Exception {
        engine.swapModel(modelJar("1.0.0", "get_refund", "track_delivery"), DOMAIN);
        List<Eval.Row> rows = List.of(new Eval.Row(0, "I want my money back for this", "get_refund"),
                new Eval.Row(1, "when will my parcel arrive", "track_delivery"));
        Scores scores = new Scores();
        Eval.route(engine, DOMAIN, new Policy(Map.of("get_refund", "billing")), rows, scores);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        scores.print(DOMAIN, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The p99 in microseconds of the printed line that starts with {@code label}; fails when there is none. */
    private static long p99(String text, String label) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(label) + " +mean [\\d.]+ us, p99 (\\d+) us").matcher(text);
        assertTrue(line.find(), label + " in\n" + text);
        return Long.parseLong(line.group(1));
    }

    private static String bestIntent(String text) {
        return intents(text).get(0);
    }

    private static List<String> intents(String text) {
        List<String> labels = new ArrayList<>();
        for (Signal signal : engine.detectSignals(EvalEngine.interaction("t", text, DOMAIN))) {
            if ("intent".equals(signal.getName())) {
                labels.add(signal.getLabel());
            }
        }
        return labels;
    }

    private static Path modelJar(String version, String refundLabel, String deliveryLabel) throws Exception {
        List<ModelTrainer.Example> examples = new ArrayList<>();
        for (String text : List.of("I want my money back", "refund my order please", "how do I get a refund", "give me a refund")) {
            examples.add(new ModelTrainer.Example(text, refundLabel));
        }
        for (String text : List.of("when will my parcel arrive", "where is my delivery", "track my parcel", "delivery is late")) {
            examples.add(new ModelTrainer.Example(text, deliveryLabel));
        }
        Path jar = folder.resolve(DOMAIN + "-" + version + ".jar");
        ModelTrainer.writeBundle(new ModelTrainer(30, 0.1, 3).train(DOMAIN, examples), version, null, jar);
        return jar;
    }
}
