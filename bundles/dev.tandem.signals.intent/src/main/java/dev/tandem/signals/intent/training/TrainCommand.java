package dev.tandem.signals.intent.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tandem signals train --data F.csv --text-col C --label-col C --domain D --out model.jar
 * [--version V] [--notice FILE] [--folds K --holdout I] [--iterations N] [--l2 X] [--cutoff N]}
 * (without {@code --cutoff} it is chosen from the number of examples per intent): trains an intent model
 * and writes it as a signal-model bundle. With {@code --folds K --holdout I} the rows of fold I are left out,
 * so that {@code tandem eval --folds K --fold I} measures the model on messages it never saw.
 */
public final class TrainCommand {
    private TrainCommand() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path data = Path.of(required(options, "data"));
        String domain = required(options, "domain");
        Path out = Path.of(required(options, "out"));
        Folds folds = new Folds(Integer.parseInt(options.getOrDefault("folds", "1")),
                Integer.parseInt(options.getOrDefault("holdout", "-1")));
        List<ModelTrainer.Example> examples = examples(Csv.read(data), required(options, "text-col"),
                required(options, "label-col"), folds);
        ModelTrainer trainer = new ModelTrainer(
                Integer.parseInt(options.getOrDefault("iterations", Integer.toString(ModelTrainer.DEFAULT_ITERATIONS))),
                Double.parseDouble(options.getOrDefault("l2", Double.toString(ModelTrainer.DEFAULT_L2))),
                Integer.parseInt(options.getOrDefault("cutoff", Integer.toString(ModelTrainer.AUTOMATIC_CUTOFF))));
        long start = System.nanoTime();
        IntentModel model = trainer.train(domain, examples);
        String notice = options.containsKey("notice")
                ? Files.readString(Path.of(options.get("notice")), StandardCharsets.UTF_8) : null;
        ModelTrainer.writeBundle(model, options.getOrDefault("version", "1.0.0"), notice, out);
        System.err.printf("trained intent model '%s' on %d rows in %.1f s: %s (%d bytes)%n", domain, examples.size(),
                (System.nanoTime() - start) / 1e9, out, Files.size(out));
    }

    static List<ModelTrainer.Example> examples(Csv csv, String textColumn, String labelColumn, Folds folds) {
        List<String> texts = csv.column(textColumn);
        List<String> labels = csv.column(labelColumn);
        List<ModelTrainer.Example> examples = new ArrayList<>();
        for (int row = 0; row < texts.size(); row++) {
            if (!folds.isHeldOut(row) && !labels.get(row).isBlank()) {
                examples.add(new ModelTrainer.Example(texts.get(row), labels.get(row).strip()));
            }
        }
        return examples;
    }

    /** {@code --name value} pairs, as every tandem command line gives them. */
    public static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    public static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
