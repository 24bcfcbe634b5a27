package dev.tandem.bench;

import java.util.Arrays;
import java.util.List;

import dev.tandem.api.Router;

/**
 * Decides on the active ruleset, one thread flat out, while something else runs (a deployment compiling its
 * rules): whether that work stalls the decisions is in their latencies.
 */
final class DecidingMeanwhile implements AutoCloseable {
    /** What the decisions took while the other work ran. */
    record Latencies(int decisions, long p99Micros, long maxMicros) {
    }

    private final Router router;
    private final List<Sample> mix;
    private final Thread thread;
    private volatile boolean running = true;
    private long[] nanos = new long[1 << 16];
    private int count;

    private DecidingMeanwhile(Router router, List<Sample> mix) {
        this.router = router;
        this.mix = mix;
        this.thread = new Thread(this::decide, "bench-deciding-meanwhile");
        thread.setDaemon(true);
    }

    /** Starts deciding now; {@link #stop()} ends it and gives the latencies, {@link #close()} ends it in any case. */
    static DecidingMeanwhile start(Router router) {
        DecidingMeanwhile deciding = new DecidingMeanwhile(router, InteractionMix.generate(1_000, 7));
        deciding.thread.start();
        return deciding;
    }

    private void decide() {
        for (int i = 0; running; i++) {
            Sample sample = mix.get(i % mix.size());
            long start = System.nanoTime();
            router.decide(sample.interaction(), sample.signals());
            add(System.nanoTime() - start);
        }
    }

    private void add(long took) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = took;
    }

    Latencies stop() throws InterruptedException {
        running = false;
        thread.join();
        if (count == 0) {
            return new Latencies(0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Latencies(count, sorted[(int) Math.min(count - 1L, count * 99L / 100)] / 1_000,
                sorted[count - 1] / 1_000);
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }
}
