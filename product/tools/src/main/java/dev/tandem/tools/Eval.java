package dev.tandem.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tandem.api.Interaction;
import dev.tandem.api.Route;
import dev.tandem.api.RoutingDecision;
import dev.tandem.signals.intent.training.Csv;
import dev.tandem.signals.intent.training.Folds;
import dev.tandem.signals.intent.training.IntentModel;
import dev.tandem.signals.intent.training.ModelTrainer;
import dev.tandem.signals.intent.training.TrainCommand;

/**
 * {@code ./tandem eval --dataset NAME --data F.csv [--policy P] [--text-col C --label-col C]
 * [--folds K [--fold I]] [--model M.jar]}: routes every row through the real engine (all signal detectors and
 * the active default ruleset) with {@code attributes.domain = NAME} and compares with the policy.
 * With {@code --folds K} it cross-validates: for each fold (or only fold I) it trains an intent model on the
 * other folds, hot-swaps it into the running engine and routes the held-out rows, which the model never saw.
 * The last line printed is machine-readable.
 */
final class Eval {
    private static final Map<String, String[]> KNOWN_COLUMNS = Map.of(
            "banking77", new String[] {"text", "category"},
            "bitext", new String[] {"instruction", "intent"});
    private static final String[] HINT3_COLUMNS = {"sentence", "label"};
    private static final int WARM_UP_CALLS = 10_000;
    private static final int WARM_UP_ROUNDS = 3;

    private Eval() {
    }

    record Row(int index, String text, String label) {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> options = TrainCommand.options(args);
        String dataset = TrainCommand.required(options, "dataset");
        Path root = Path.of(System.getProperty("tandem.root", "."));
        Policy policy = Policy.read(Path.of(options.getOrDefault("policy",
                root.resolve("../shared/data/routing-policy.csv").toString())), dataset);
        String[] columns = columns(dataset, options);
        List<Row> rows = rows(Csv.read(Path.of(TrainCommand.required(options, "data"))), columns);
        Path distribution = Path.of(System.getProperty("tandem.distribution", "product/engine/target/tandem-engine"));
        Scores scores = new Scores();
        try (EvalEngine engine = EvalEngine.start(distribution)) {
            if (options.containsKey("model")) {
                engine.swapModel(Path.of(options.get("model")), dataset);
            }
            engine.awaitIntent(dataset);
            int folds = Integer.parseInt(options.getOrDefault("folds", "1"));
            if (folds == 1) {
                route(engine, dataset, policy, rows, scores);
            } else {
                crossValidate(engine, dataset, policy, rows, folds, options.get("fold"), scores);
            }
        }
        scores.print(dataset, System.out);
    }

    private static void crossValidate(EvalEngine engine, String dataset, Policy policy, List<Row> rows, int count,
                                      String onlyFold, Scores scores) throws Exception {
        for (int fold = 0; fold < count; fold++) {
            if (onlyFold != null && fold != Integer.parseInt(onlyFold)) {
                continue;
            }
            Folds folds = new Folds(count, fold);
            List<ModelTrainer.Example> training = new ArrayList<>();
            List<Row> heldOut = new ArrayList<>();
            for (Row row : rows) {
                if (folds.isHeldOut(row.index())) {
                    heldOut.add(row);
                } else {
                    training.add(new ModelTrainer.Example(row.text(), row.label()));
                }
            }
            Path jar = Files.createTempFile("tandem-fold", ".jar");
            IntentModel model = ModelTrainer.withDefaults().train(dataset, training);
            ModelTrainer.writeBundle(model, "0.0." + fold, null, jar);
            engine.swapModel(jar, dataset);
            System.err.printf("fold %d of %d: trained on %d rows, routing %d held-out rows%n", fold, count,
                    training.size(), heldOut.size());
            route(engine, dataset, policy, heldOut, scores);
            Files.deleteIfExists(jar);
        }
    }

    static void route(EvalEngine engine, String dataset, Policy policy, List<Row> rows, Scores scores) {
        warmUp(engine, dataset, rows);
        for (Row row : rows) {
            Interaction interaction = EvalEngine.interaction("eval-" + row.index(), row.text(), dataset);
            Map<String, Long> nanosByDetector = new TreeMap<>();
            long signalTime = timeSignals(engine, interaction, nanosByDetector);
            scores.addBestSignalTime(Math.min(signalTime, Math.min(timeSignals(engine, interaction, null),
                    timeSignals(engine, interaction, null))));
            scores.addDetectorNanos(nanosByDetector);
            RoutingDecision decision = engine.decide(interaction);
            String actual = decision.route() == Route.HUMAN ? decision.queue() : Policy.AI;
            scores.add(row.label(), policy.expected(row.label()), actual, signalTime,
                    decision.reasons().isEmpty() ? row.text() : row.text() + "  <- " + decision.reasons().get(0).rule());
        }
    }

    /** {@code nanosByDetector}: where to put each detector's time, or null. */
    private static long timeSignals(EvalEngine engine, Interaction interaction, Map<String, Long> nanosByDetector) {
        long start = System.nanoTime();
        engine.detectSignals(interaction, nanosByDetector);
        return System.nanoTime() - start;
    }

    /**
     * The first calls run interpreted, and the JIT compiles on the cores the timed calls need: timing them
     * would measure the JIT, not the detectors. So every row of the fold is detected and decided a few times
     * first (the rules too, whose compilation would otherwise run beside the first timed rows), and the timed
     * rows follow at once: a pause before them (waiting for the audit writer, say) leaves the thread's caches
     * to others and doubled the p99.
     */
    private static void warmUp(EvalEngine engine, String dataset, List<Row> rows) {
        for (int round = 0; !rows.isEmpty() && (round < WARM_UP_ROUNDS || round * rows.size() < WARM_UP_CALLS); round++) {
            for (Row row : rows) {
                Interaction interaction = EvalEngine.interaction("warm-up", row.text(), dataset);
                engine.detectSignals(interaction);
                engine.decide(interaction);
            }
        }
    }

    static List<Row> rows(Csv csv, String[] columns) {
        List<String> texts = csv.column(columns[0]);
        List<String> labels = csv.column(columns[1]);
        List<Row> rows = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            if (!labels.get(i).isBlank()) {
                rows.add(new Row(i, texts.get(i), labels.get(i).strip()));
            }
        }
        return rows;
    }

    private static String[] columns(String dataset, Map<String, String> options) {
        String[] known = KNOWN_COLUMNS.getOrDefault(dataset, dataset.startsWith("hint3") ? HINT3_COLUMNS : new String[2]);
        String text = options.getOrDefault("text-col", known[0]);
        String label = options.getOrDefault("label-col", known[1]);
        if (text == null || label == null) {
            throw new IllegalArgumentException("say which columns hold the text and the label: --text-col C --label-col C");
        }
        return new String[] {text, label};
    }
}
