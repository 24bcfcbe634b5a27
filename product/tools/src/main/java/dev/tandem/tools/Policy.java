package dev.tandem.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.tandem.signals.intent.training.Csv;

/** The routing policy of one dataset: the queue of each intent that must reach a person; others stay with AI. */
record Policy(Map<String, String> queueByLabel) {
    static final String AI = "AI";

    static Policy read(Path file, String dataset) throws IOException {
        Map<String, String> queues = new HashMap<>();
        for (Map<String, String> line : Csv.read(file).records()) {
            if (dataset.equals(line.get("dataset")) && "HUMAN".equals(line.get("route"))) {
                queues.put(line.get("label"), line.get("queue"));
            }
        }
        if (queues.isEmpty()) {
            throw new IllegalArgumentException("the policy " + file + " names no human route for dataset '" + dataset + "'");
        }
        return new Policy(Map.copyOf(queues));
    }

    /** The queue a message of this intent belongs in, or {@link #AI}. */
    String expected(String label) {
        return queueByLabel.getOrDefault(label, AI);
    }
}
