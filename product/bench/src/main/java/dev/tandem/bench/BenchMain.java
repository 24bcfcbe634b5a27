package dev.tandem.bench;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code ./tandem bench}: every contender on the same machine in one run, then the ratios.
 * Absolute figures vary with what else the machine does; ratios from one run are what to compare.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Throughput> perSecond = decisionsPerSecond();
        HttpBench.Figure decisions = null;
        HttpBench.Figure noop = null;
        DeployBench.Figure[] deploys;
        DeployBench.UnderLoad underLoad;
        try (EngineHarness engine = EngineHarness.start()) {
            if (HttpBench.wrkAvailable()) {
                HttpBench http = new HttpBench(engine.port(), engine.adminToken(), 32, 10,
                        () -> engine.awaitAuditWritten(180));
                decisions = http.run("/api/v1/decisions");
                noop = http.run("/api/v1/noop");
            }
            long backlog = engine.awaitAuditWritten(180);
            if (backlog > 0) {
                System.out.println("(e) measured while the audit trail still writes " + backlog + " records");
            }
            DeployBench deploy = new DeployBench(engine.registry(), engine.router());
            Path ruleProject = EngineHarness.root().resolve("rules/escalation-default");
            deploys = new DeployBench.Figure[] {deploy.defaultRuleset(ruleProject, 10), deploy.generated(1_000),
                deploy.generated(10_000)};
            underLoad = deploy.whileDeciding(10_000);
        }
        print(perSecond, decisions, noop, deploys, underLoad);
    }

    /** Decisions per second of wall-clock time, and per second of the JVM's CPU time. */
    record Throughput(double perSecond, double perCpuSecond) {
    }

    private static Map<String, Throughput> decisionsPerSecond() throws Exception {
        Options options = new OptionsBuilder().include(DecisionBenchmarks.class.getName())
                .addProfiler(CpuTimeProfiler.class).build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Throughput> perSecond = new LinkedHashMap<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            double perCpuSecond = result.getSecondaryResults().get(CpuTimeProfiler.LABEL).getScore();
            perSecond.put(label.substring(label.lastIndexOf('.') + 1),
                    new Throughput(result.getPrimaryResult().getScore(), perCpuSecond));
        }
        return perSecond;
    }

    private static void print(Map<String, Throughput> perSecond, HttpBench.Figure decisions, HttpBench.Figure noop,
                              DeployBench.Figure[] deploys, DeployBench.UnderLoad underLoad) {
        System.out.println();
        System.out.println("Tandem benchmark — one run on this machine; compare the ratios, not figures across runs");
        System.out.printf("%-52s %14s %14s%n", "in process, one thread (no decision listeners unless named)",
                "decisions/s", "per CPU-s");
        row("(a) engine Router.decide, signals given (no detectors)", perSecond.get("engineWithoutSignals"));
        row("(a) engine Router.decide, signals detected", perSecond.get("engineWithSignals"));
        row("    signals given, rules in pooled Drools sessions", perSecond.get("engineInDroolsSessions"));
        row("    signals given + metrics listener", perSecond.get("engineWithMetricsListener"));
        row("    signals given + metrics and audit listeners", perSecond.get("engineWithAuditAndMetricsListeners"));
        row("    signals given, a one-rule ruleset (fixed cost)", perSecond.get("engineWithOneRule"));
        row("(b) raw Drools, new stateless session per decision", perSecond.get("rawDrools"));
        row("(c) hand-written Java", perSecond.get("handWrittenJava"));
        System.out.printf("%-52s %14s %9s %9s %9s %7s %12s%n", "HTTP, wrk -t2 -c32 on the same machine", "requests/s",
                "p50 µs", "p99 µs", "p999 µs", "errors", "server CPU µs");
        http("(d) POST /api/v1/decisions", decisions);
        http("(d) POST /api/v1/noop (HTTP ceiling)", noop);
        System.out.println("    server CPU: the engine process's CPU per request, the audit catching up after the load included");
        System.out.printf("%-52s %10s %10s %10s%n", "(e) deploy -> active", "first ms", "best ms", "heap MB");
        for (DeployBench.Figure figure : deploys) {
            System.out.printf("%-52s %10d %10d %10d%n", "    " + figure.ruleset() + " (" + figure.rules() + " rules)",
                    figure.firstMillis(), figure.warmMillis(), figure.heapMegabytes());
        }
        System.out.printf("    again while one thread decides on the active ruleset: %,d rules active in %d ms;"
                + " meanwhile %,d decisions, p99 %d µs, max %d µs%n", underLoad.rules(), underLoad.millis(),
                underLoad.decisions().decisions(), underLoad.decisions().p99Micros(), underLoad.decisions().maxMicros());
        Throughput engine = perSecond.get("engineWithoutSignals");
        Throughput drools = perSecond.get("rawDrools");
        Throughput java = perSecond.get("handWrittenJava");
        System.out.println("ratios per CPU-second, comparable on a shared machine (per wall-clock second in brackets):");
        System.out.printf("engine/raw-drools = %.2f (%.2f)%n", engine.perCpuSecond() / drools.perCpuSecond(),
                engine.perSecond() / drools.perSecond());
        System.out.printf("engine/java = %.3f (%.3f)%n", engine.perCpuSecond() / java.perCpuSecond(),
                engine.perSecond() / java.perSecond());
        System.out.println(decisions == null || noop == null ? "http/noop = n/a (wrk is not installed)"
                : String.format("http/noop = %.2f (%.2f)", noop.cpuMicrosPerRequest() / decisions.cpuMicrosPerRequest(),
                        decisions.perSecond() / noop.perSecond()));
    }

    private static void row(String label, Throughput value) {
        System.out.printf("%-52s %,14.0f %,14.0f%n", label, value.perSecond(), value.perCpuSecond());
    }

    private static void http(String label, HttpBench.Figure figure) {
        if (figure == null) {
            System.out.printf("%-52s %14s%n", label, "n/a (wrk is not installed)");
            return;
        }
        System.out.printf("%-52s %,14.0f %9d %9d %9d %7d %12.0f%n", label, figure.perSecond(), figure.p50(),
                figure.p99(), figure.p999(), figure.errors(), figure.cpuMicrosPerRequest());
    }
}
