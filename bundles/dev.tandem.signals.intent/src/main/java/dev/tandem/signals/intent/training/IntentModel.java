package dev.tandem.signals.intent.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.MaxentModel;

import dev.tandem.signals.intent.internal.CompiledModel;
import dev.tandem.signals.intent.internal.Features;

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
    /** The fast path for the models we train; other kinds of model are evaluated by OpenNLP itself. */
    private final CompiledModel compiled;

    IntentModel(String domain, DoccatModel model) {
        this.domain = domain;
        this.model = model;
        this.maxent = model.getMaxentModel();
        this.compiled = maxent instanceof QNModel qn ? new CompiledModel(qn) : null;
    }

    public static IntentModel read(String domain, InputStream in) throws IOException {
        return new IntentModel(domain, new DoccatModel(in));
    }

    public String domain() {
        return domain;
    }

    void write(OutputStream out) throws IOException {
        model.serialize(out);
    }

    /** The likeliest intents, best first, while their probability reaches {@code floor} (the best always). */
    public List<Candidate> classify(String text, int atMost, double floor) {
        double[] probabilities = probabilities(text);
        List<Candidate> best = new ArrayList<>(atMost);
        boolean[] taken = new boolean[probabilities.length];
        for (int rank = 0; rank < Math.min(atMost, probabilities.length); rank++) {
            int next = likeliestNotTaken(probabilities, taken);
            if (rank > 0 && probabilities[next] < floor) {
                break;
            }
            taken[next] = true;
            best.add(new Candidate(maxent.getOutcome(next), probabilities[next]));
        }
        return best;
    }

    /** The probability of each intent, in the model's outcome order. */
    double[] probabilities(String text) {
        return compiled != null ? compiled.eval(text) : maxent.eval(Features.of(text));
    }

    /** What OpenNLP itself computes, for checking the fast path. */
    double[] probabilitiesByOpenNlp(String text) {
        return maxent.eval(Features.of(text));
    }

    private static int likeliestNotTaken(double[] probabilities, boolean[] taken) {
        int best = -1;
        for (int i = 0; i < probabilities.length; i++) {
            if (!taken[i] && (best < 0 || probabilities[i] > probabilities[best])) {
                best = i;
            }
        }
        return best;
    }
}
