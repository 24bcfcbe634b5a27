package dev.tandem.signals.intent.training;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

import dev.tandem.signals.intent.internal.Features;

/** Trains an intent model on labelled texts and writes it as a signal-model bundle. */
public final class ModelTrainer {
    /** The texts and labels to learn from. */
    public record Example(String text, String label) {
    }

    /** Chosen by 5-fold cross-validation on the shipped datasets ({@code tandem eval --folds 5}). */
    public static final int DEFAULT_ITERATIONS = 100;
    public static final double DEFAULT_L2 = 1.0;
    /** The cutoff is then chosen from the data, see {@link #cutoffFor}. */
    public static final int AUTOMATIC_CUTOFF = -1;
    /** Below this many examples per intent on average, a word seen once is kept. */
    static final int FEW_EXAMPLES_PER_INTENT = 50;

    private final int iterations;
    private final double l2;
    private final int cutoff;

    public static ModelTrainer withDefaults() {
        return new ModelTrainer(DEFAULT_ITERATIONS, DEFAULT_L2, AUTOMATIC_CUTOFF);
    }

    /** Features seen fewer times than the cutoff are dropped; L2 regularisation keeps the rest from overfitting. */
    public ModelTrainer(int iterations, double l2, int cutoff) {
        this.iterations = iterations;
        this.l2 = l2;
        this.cutoff = cutoff;
    }

    /**
     * HINT3's datasets have a few dozen rows or fewer per intent: there a word seen once is often all there is
     * to go by (cutoff 1). With a hundred or more per intent (banking77, bitext), rare features add model size
     * and training time but no accuracy (cutoff 3).
     */
    static int cutoffFor(List<Example> examples) {
        long intents = examples.stream().map(Example::label).distinct().count();
        return examples.size() < FEW_EXAMPLES_PER_INTENT * Math.max(1, intents) ? 1 : 3;
    }

    private TrainingParameters parameters(List<Example> examples) {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        parameters.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        parameters.put(TrainingParameters.CUTOFF_PARAM, cutoff == AUTOMATIC_CUTOFF ? cutoffFor(examples) : cutoff);
        parameters.put("L2Cost", l2);
        parameters.put("L1Cost", 0.0);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        parameters.put("PrintMessages", false);
        return parameters;
    }

    public IntentModel train(String domain, List<Example> examples) throws IOException {
        List<Event> events = new ArrayList<>(examples.size());
        for (Example example : examples) {
            events.add(new Event(example.label(), Features.of(example.text())));
        }
        EventTrainer trainer = TrainerFactory.getEventTrainer(parameters(examples), null);
        MaxentModel maxent = trainer.train(new CollectionObjectStream<>(events));
        Map<String, String> info = new HashMap<>();
        info.put("tandem.domain", domain);
        info.put("tandem.features", Integer.toString(Features.VERSION));
        return new IntentModel(domain, new DoccatModel("und", maxent, info, new DoccatFactory()));
    }

    /** Writes the model as a bundle jar that the intent detector picks up when it is installed. */
    public static void writeBundle(IntentModel model, String version, String notice, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", ModelBundleFormat.symbolicName(model.domain()));
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", "Tandem intent model " + model.domain());
        main.putValue("Require-Capability", ModelBundleFormat.REQUIREMENT);
        main.putValue(ModelBundleFormat.HEADER, ModelBundleFormat.header(model.domain()));
        Path parent = jar.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(ModelBundleFormat.RESOURCE));
            model.write(new NonClosing(out));
            out.closeEntry();
            if (notice != null) {
                out.putNextEntry(new JarEntry("META-INF/NOTICE"));
                out.write(notice.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    /** OpenNLP closes the stream it serialises to; the jar must stay open for its next entry. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
