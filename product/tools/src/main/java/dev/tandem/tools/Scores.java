package dev.tandem.tools;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Routing quality against the policy: AI versus a person, and which queue. */
final class Scores {
    private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    private final Map<String, Integer> confusionsByLabel = new TreeMap<>();
    private final Map<String, String> exampleByConfusion = new TreeMap<>();
    private final List<Long> signalNanos = new ArrayList<>();
    private final List<Long> bestSignalNanos = new ArrayList<>();
    private final Map<String, List<Long>> nanosByDetector = new TreeMap<>();
    private int rows;
    private int humanExpected;
    private int humanFound;
    private int queueRight;
    private int aiRouted;
    private int aiRight;
    private int routeRight;

    void add(String label, String expected, String actual, long signalTime) {
        add(label, expected, actual, signalTime, null);
    }

    void add(String label, String expected, String actual, long signalTime, String example) {
        rows++;
        signalNanos.add(signalTime);
        boolean expectHuman = !Policy.AI.equals(expected);
        boolean human = !Policy.AI.equals(actual);
        humanExpected += expectHuman ? 1 : 0;
        humanFound += expectHuman && human ? 1 : 0;
        queueRight += expectHuman && human && expected.equals(actual) ? 1 : 0;
        aiRouted += human ? 0 : 1;
        aiRight += !human && !expectHuman ? 1 : 0;
        routeRight += expectHuman == human ? 1 : 0;
        confusion.computeIfAbsent(expected, k -> new TreeMap<>()).merge(actual, 1, Integer::sum);
        if (!expected.equals(actual)) {
            String confusion = label + " (" + expected + ") -> " + actual;
            confusionsByLabel.merge(confusion, 1, Integer::sum);
            if (example != null) {
                exampleByConfusion.putIfAbsent(confusion, example);
            }
        }
    }

    /**
     * The fastest of a few runs of the detectors on one message: what the message itself costs, without the
     * scheduler stalls and collections of a busy machine that the single-run figure includes.
     */
    void addBestSignalTime(long nanos) {
        bestSignalNanos.add(nanos);
    }

    /** Each detector's time on one message, in the timed (first) run. */
    void addDetectorNanos(Map<String, Long> nanos) {
        nanos.forEach((detector, time) -> nanosByDetector.computeIfAbsent(detector, k -> new ArrayList<>()).add(time));
    }

    void print(String dataset, PrintStream out) {
        long[] micros = sortedMicros(signalNanos);
        out.printf("dataset %s: %d rows, %d should reach a person%n", dataset, rows, humanExpected);
        out.printf("human-route recall   %.4f  (%d of %d)%n", ratio(humanFound, humanExpected), humanFound, humanExpected);
        out.printf("AI-route precision   %.4f  (%d of %d kept with AI)%n", ratio(aiRight, aiRouted), aiRight, aiRouted);
        out.printf("queue accuracy       %.4f  (%d of %d human routes found)%n", ratio(queueRight, humanFound), queueRight, humanFound);
        out.printf("route accuracy       %.4f%n", ratio(routeRight, rows));
        out.printf("signal time/message  mean %.1f us, p99 %d us%n", Arrays.stream(micros).average().orElse(0), p99(micros));
        if (!bestSignalNanos.isEmpty()) {
            long[] best = sortedMicros(bestSignalNanos);
            out.printf("  best of 3 runs     mean %.1f us, p99 %d us (the message's own cost, without machine stalls)%n",
                    Arrays.stream(best).average().orElse(0), p99(best));
        }
        nanosByDetector.forEach((detector, nanos) -> out.printf("  %-12s mean %.1f us, p99 %d us%n", detector,
                nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e3, p99(sortedMicros(nanos))));
        printConfusion(out);
        printWorst(out);
        out.printf("human_recall=%.4f ai_precision=%.4f queue_accuracy=%.4f route_accuracy=%.4f signal_us_p99=%d%n",
                ratio(humanFound, humanExpected), ratio(aiRight, aiRouted), ratio(queueRight, humanFound),
                ratio(routeRight, rows), p99(micros));
    }

    private void printConfusion(PrintStream out) {
        TreeSet<String> columns = new TreeSet<>(confusion.keySet());
        confusion.values().forEach(row -> columns.addAll(row.keySet()));
        out.println("confusion (rows: policy, columns: engine)");
        StringBuilder header = new StringBuilder(String.format("  %-11s", ""));
        columns.forEach(column -> header.append(String.format("%11s", column)));
        out.println(header);
        for (String expected : columns) {
            StringBuilder line = new StringBuilder(String.format("  %-11s", expected));
            Map<String, Integer> row = confusion.getOrDefault(expected, Map.of());
            columns.forEach(column -> line.append(String.format("%11d", row.getOrDefault(column, 0))));
            out.println(line);
        }
    }

    private void printWorst(PrintStream out) {
        out.println("worst confusions (intent (policy) -> engine: rows)");
        confusionsByLabel.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(entry -> {
                    out.printf("  %-70s %d%n", entry.getKey(), entry.getValue());
                    String example = exampleByConfusion.get(entry.getKey());
                    if (example != null) {
                        out.printf("      e.g. \"%s\"%n", example.replaceAll("\\s+", " "));
                    }
                });
    }

    private static long[] sortedMicros(List<Long> nanos) {
        return nanos.stream().mapToLong(n -> n / 1_000).sorted().toArray();
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    private static long p99(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)];
    }
}
