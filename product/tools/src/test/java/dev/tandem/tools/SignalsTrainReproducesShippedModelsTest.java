package dev.tandem.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tandem.signals.intent.training.Csv;
import dev.tandem.signals.intent.training.IntentModel;
import dev.tandem.signals.intent.training.ModelBundleFormat;

/**
 * {@code tandem signals train} with a line of {@code product/signal-models/models.csv} gives the model the
 * distribution ships: the same intents with the same probabilities for every message of the dataset.
 * (The model files themselves differ: OpenNLP stamps each with the time it was made.)
 */
class SignalsTrainReproducesShippedModelsTest {
    private static final Path ROOT = Path.of(System.getProperty("tandem.root", "../.."));
    private static final String DOMAIN = "hint3-sofmattress";

    @TempDir
    Path folder;

    @Test
    void trainingTheSofmattressLineAgainGivesTheShippedModel() throws Exception {
        Map<String, String> line = Csv.read(ROOT.resolve("product/signal-models/models.csv")).records().stream()
                .filter(record -> record.get("domain").equals(DOMAIN)).findFirst().orElseThrow();
        Path data = ROOT.resolve("../shared/data").resolve(line.get("data"));
        Path trained = folder.resolve("retrained.jar");
        Main.main(new String[] {"signals", "train", "--data", data.toString(), "--text-col", line.get("text-col"),
                "--label-col", line.get("label-col"), "--domain", DOMAIN, "--out", trained.toString()});

        IntentModel shipped = model(ROOT.resolve("product/signal-models/target/models/" + DOMAIN + ".jar"));
        IntentModel retrained = model(trained);
        List<String> texts = Csv.read(data).column(line.get("text-col"));
        for (String text : texts) {
            List<IntentModel.Candidate> expected = shipped.classify(text, 3, 0);
            List<IntentModel.Candidate> actual = retrained.classify(text, 3, 0);
            assertEquals(labels(expected), labels(actual), text);
            assertArrayEquals(probabilities(expected), probabilities(actual), 1e-12, text);
        }
    }

    private static IntentModel model(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(file.getEntry(ModelBundleFormat.RESOURCE))) {
            return IntentModel.read(DOMAIN, in);
        }
    }

    private static List<String> labels(List<IntentModel.Candidate> candidates) {
        return candidates.stream().map(IntentModel.Candidate::label).toList();
    }

    private static double[] probabilities(List<IntentModel.Candidate> candidates) {
        return candidates.stream().mapToDouble(IntentModel.Candidate::probability).toArray();
    }
}
