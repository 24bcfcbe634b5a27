package dev.tandem.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Operations per CPU-second of the benchmark's own threads: wall-clock throughput falls with whatever else runs on
 * a shared machine, the CPU time an operation takes much less. Work handed to other threads (the audit writer,
 * the JIT compiler, the garbage collector) is not counted here; the wall-clock figure shows it.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    static final String LABEL = "ops/cpu-s";
    private static final String WORKER = "-jmh-worker-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> cpuNanosBefore = Map.of();

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuNanosBefore = workerCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpuNanos = 0;
        for (Map.Entry<Long, Long> worker : workerCpuNanos().entrySet()) {
            cpuNanos += worker.getValue() - cpuNanosBefore.getOrDefault(worker.getKey(), 0L);
        }
        double perCpuSecond = result.getMetadata().getMeasuredOps() / (cpuNanos / 1e9);
        return List.of(new ScalarResult(LABEL, perCpuSecond, LABEL, AggregationPolicy.AVG));
    }

    @Override
    public String getDescription() {
        return "operations per CPU-second of the benchmark threads";
    }

    private Map<Long, Long> workerCpuNanos() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().contains(WORKER)) {
                cpu.put(thread.getThreadId(), threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return cpu;
    }
}
