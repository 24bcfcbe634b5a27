package dev.tandem.signals.intent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.ml.model.MaxentModel;

/**
 * A trained intent classifier of one domain. Thread-safe: evaluating a maxent model only reads it.
 */
public final class IntentModel {
    /** One intent and how likely it is. */
    public record Candidate(String label, double probability) {
    }

    private final String domain;
    private final DoccatModel model;
    private final MaxentModel maxent;

    public IntentModel(String domain, DoccatModel model) {
        this.domain = domain;
        this.model = model;
        this.maxent = model.getMaxentModel();
    }

    public static IntentModel read(String domain, InputStream in) throws IOException {
        return new IntentModel(domain, new DoccatModel(in));
    }

    public String domain() {
        return domain;
    }

    public void write(OutputStream out) throws IOException {
        model.serialize(out);
    }

    /** The likeliest intents, best first, while their probability reaches {@code floor} (the best always). */
    public List<Candidate> classify(String text, int atMost, double floor) {
        double[] probabilities = maxent.eval(Features.of(text));
        Integer[] order = new Integer[probabilities.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> -probabilities[i]));
        List<Candidate> best = new ArrayList<>();
        for (int rank = 0; rank < Math.min(atMost, order.length); rank++) {
            double probability = probabilities[order[rank]];
            if (rank > 0 && probability < floor) {
                break;
            }
            best.add(new Candidate(maxent.getOutcome(order[rank]), probability));
        }
        return best;
    }
}
