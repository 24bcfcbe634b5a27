package dev.tandem.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (d) HTTP end to end: wrk, a separate process on this machine, posts
 * interactions to the running engine, then to its no-op endpoint.
 */
final class HttpBench {
    /**
     * Requests per second, latency percentiles in microseconds, and the CPU time the engine's process spent per
     * request: the figure that stays comparable when other work shares the machine.
     */
    record Figure(String endpoint, double perSecond, long p50, long p99, long p999, long errors,
                  double cpuMicrosPerRequest) {
    }

    private static final Pattern RESULT = Pattern.compile(
            "TANDEM rps=([0-9.]+) p50=([0-9]+) p99=([0-9]+) p999=([0-9]+) errors=([0-9]+)");
    private static final String SCRIPT = """
            local bodies = {
              '{"interactionId":"h-1","language":"en","customer":{"tier":"gold"},"messages":[{"from":"customer","text":"I want to talk to a real person"}],"aiConfidence":0.4,"attributes":{"failedAttempts":2}}',
              '{"interactionId":"h-2","language":"en","messages":[{"from":"customer","text":"what is my balance?"}],"aiConfidence":0.9}',
              '{"interactionId":"h-3","language":"zh","messages":[{"from":"customer","text":"我的卡被盗刷了"}],"aiConfidence":0.8}',
              '{"interactionId":"h-4","language":"id","customer":{"tier":"platinum"},"messages":[{"from":"customer","text":"berapa saldo saya"}],"aiConfidence":0.95}'
            }
            local counter = 0
            request = function()
              counter = counter + 1
              return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer TOKEN"},
                bodies[(counter % #bodies) + 1])
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("TANDEM rps=%.1f p50=%d p99=%d p999=%d errors=%d\\n",
                summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
                latency:percentile(99.9), e.connect + e.read + e.write + e.status + e.timeout))
            end
            """;

    private static final int WARM_UP_SECONDS = 30;

    /** Waits until the engine has finished the work a load left behind (the audit trail catching up). */
    @FunctionalInterface
    interface Settle {
        void await() throws InterruptedException;
    }

    private final int port;
    private final String token;
    private final int connections;
    private final int seconds;
    private final Settle settle;

    /**
     * @param token  sent as a bearer token: the decision endpoint needs the decide permission
     * @param settle run before and after the measured load, so that the CPU a request costs includes the work it
     *               defers (writing its audit record) and none that an earlier load deferred
     */
    HttpBench(int port, String token, int connections, int seconds, Settle settle) {
        this.port = port;
        this.token = token;
        this.connections = connections;
        this.seconds = seconds;
        this.settle = settle;
    }

    static boolean wrkAvailable() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    Figure run(String path) throws IOException, InterruptedException {
        Path script = Files.createTempFile("tandem-wrk", ".lua"); // owner-only: it holds the token
        Files.writeString(script, SCRIPT.replace("TOKEN", token));
        try {
            // warm-up: JIT, connection pool, session pool; on a busy 2-core machine the JIT needs most of a minute
            load(path, script, WARM_UP_SECONDS);
            settle.await();
            return load(path, script, seconds);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private Figure load(String path, Path script, int duration) throws IOException, InterruptedException {
        long cpuBefore = processCpuNanos();
        Process wrk = new ProcessBuilder(List.of("wrk", "-t2", "-c" + connections, "-d" + duration + "s",
                "-s", script.toString(), "http://127.0.0.1:" + port + path)).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        settle.await();
        long cpuNanos = processCpuNanos() - cpuBefore;
        Matcher matcher = RESULT.matcher(output);
        if (!matcher.find()) {
            throw new IOException("wrk printed no result:\n" + output);
        }
        double perSecond = Double.parseDouble(matcher.group(1));
        return new Figure(path, perSecond, Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3)),
                Long.parseLong(matcher.group(4)), Long.parseLong(matcher.group(5)),
                cpuNanos / 1_000.0 / (perSecond * duration));
    }

    /**
     * CPU time of this process, where the engine runs: every thread, audit writer and loader and garbage collector
     * included.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
