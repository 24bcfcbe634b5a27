package dev.tandem.signals.intent.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {
    @TempDir
    Path folder;

    static List<ModelTrainer.Example> examples() {
        List<ModelTrainer.Example> examples = new ArrayList<>();
        String[] refunds = {"I want my money back", "refund my order please", "how do I get a refund",
                "give me a refund for the broken item", "where is my refund", "money back for this purchase"};
        String[] delivery = {"when will my parcel arrive", "where is my delivery", "my package has not arrived",
                "track my parcel", "delivery is late", "when does the courier come"};
        for (int copy = 0; copy < 3; copy++) {
            for (String text : refunds) {
                examples.add(new ModelTrainer.Example(text, "get_refund"));
            }
            for (String text : delivery) {
                examples.add(new ModelTrainer.Example(text, "track_delivery"));
            }
        }
        return examples;
    }

    static IntentModel trained(String domain) throws IOException {
        return new ModelTrainer(50, 0.1, 3).train(domain, examples());
    }

    @Test
    void aTrainedModelRecognisesUnseenWordingsOfItsIntents() throws IOException {
        IntentModel model = trained("shop");
        assertEquals("get_refund", model.classify("can I have a refund", 3, 0).get(0).label());
        assertEquals("track_delivery", model.classify("my parcel still has not arrived", 3, 0).get(0).label());
    }

    @Test
    void candidatesComeBestFirstWithProbabilitiesThatAddUp() throws IOException {
        List<IntentModel.Candidate> candidates = trained("shop").classify("refund", 5, 0);
        assertEquals(2, candidates.size());
        assertTrue(candidates.get(0).probability() >= candidates.get(1).probability());
        assertEquals(1.0, candidates.get(0).probability() + candidates.get(1).probability(), 1e-6);
    }

    @Test
    void fewExamplesPerIntentKeepWordsSeenOnceAndManyDropThem() {
        List<ModelTrainer.Example> few = examples();
        List<ModelTrainer.Example> many = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            many.addAll(few);
        }
        assertEquals(1, ModelTrainer.cutoffFor(few));
        assertEquals(3, ModelTrainer.cutoffFor(many));
    }

    @Test
    void theFloorDropsUnlikelyCandidatesButNeverTheBest() throws IOException {
        IntentModel model = trained("shop");
        assertEquals(1, model.classify("refund my order please", 5, 0.9999).size());
    }

    @Test
    void theBundleJarNamesItsDomainAndAsksForTheModelExtender() throws IOException {
        Path jar = folder.resolve("shop.jar");
        ModelTrainer.writeBundle(trained("shop"), "2.1.0", "trained on test data", jar);
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            assertEquals("dev.tandem.signals.model.intent.shop", manifest.getMainAttributes().getValue("Bundle-SymbolicName"));
            assertEquals("2.1.0", manifest.getMainAttributes().getValue("Bundle-Version"));
            assertEquals(ModelBundleFormat.header("shop"), manifest.getMainAttributes().getValue(ModelBundleFormat.HEADER));
            assertTrue(manifest.getMainAttributes().getValue("Require-Capability").contains("osgi.extender=dev.tandem.signals.model"));
            assertTrue(file.getEntry("META-INF/NOTICE") != null);
            try (InputStream in = file.getInputStream(file.getEntry(ModelBundleFormat.RESOURCE))) {
                IntentModel read = IntentModel.read("shop", in);
                assertEquals("get_refund", read.classify("refund please", 1, 0).get(0).label());
            }
        }
    }
}
