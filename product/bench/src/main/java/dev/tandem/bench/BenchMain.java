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
        Map<String, Double> perSecond = decisionsPerSecond();
        HttpBench.Figure decisions = null;
        HttpBench.Figure noop = null;
        DeployBench.Figure[] deploys;
        try (EngineHarness engine = EngineHarness.start()) {
            if (HttpBench.wrkAvailable()) {
                HttpBench http = new HttpBench(engine.port(), engine.adminToken(), 32, 10);
                decisions = http.run("/api/v1/decisions");
                noop = http.run("/api/v1/noop");
            }
            DeployBench deploy = new DeployBench(engine.registry());
            Path ruleProject = EngineHarness.root().resolve("rules/escalation-default");
            deploys = new DeployBench.Figure[] {deploy.defaultRuleset(ruleProject, 5), deploy.generated(1_000),
                deploy.generated(10_000)};
        }
        print(perSecond, decisions, noop, deploys);
    }

    private static Map<String, Double> decisionsPerSecond() throws Exception {
        Options options = new OptionsBuilder().include(DecisionBenchmarks.class.getName()).build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> perSecond = new LinkedHashMap<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            perSecond.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        return perSecond;
    }

    private static void print(Map<String, Double> perSecond, HttpBench.Figure decisions, HttpBench.Figure noop,
                              DeployBench.Figure[] deploys) {
        System.out.println();
        System.out.println("Tandem benchmark — one run on this machine; compare the ratios, not figures across runs");
        System.out.printf("%-52s %14s%n", "in process, one thread (no decision listeners unless named)",
                "decisions/s");
        row("(a) engine Router.decide, signals given (no detectors)", perSecond.get("engineWithoutSignals"));
        row("(a) engine Router.decide, signals detected", perSecond.get("engineWithSignals"));
        row("    signals given + metrics listener", perSecond.get("engineWithMetricsListener"));
        row("    signals given + metrics and audit listeners", perSecond.get("engineWithAuditAndMetricsListeners"));
        row("(b) raw Drools, new stateless session per decision", perSecond.get("rawDrools"));
        row("(c) hand-written Java", perSecond.get("handWrittenJava"));
        System.out.printf("%-52s %14s %9s %9s %9s %7s %12s%n", "HTTP, wrk -t2 -c32 on the same machine", "requests/s",
                "p50 µs", "p99 µs", "p999 µs", "errors", "server CPU µs");
        http("(d) POST /api/v1/decisions", decisions);
        http("(d) POST /api/v1/noop (HTTP ceiling)", noop);
        System.out.printf("%-52s %10s %10s %10s%n", "(e) deploy -> active", "first ms", "best ms", "heap MB");
        for (DeployBench.Figure figure : deploys) {
            System.out.printf("%-52s %10d %10d %10d%n", "    " + figure.ruleset() + " (" + figure.rules() + " rules)",
                    figure.firstMillis(), figure.warmMillis(), figure.heapMegabytes());
        }
        double engine = perSecond.get("engineWithoutSignals");
        System.out.printf("engine/raw-drools = %.2f%n", engine / perSecond.get("rawDrools"));
        System.out.printf("engine/java = %.3f%n", engine / perSecond.get("handWrittenJava"));
        System.out.println(decisions == null || noop == null ? "http/noop = n/a (wrk is not installed)"
                : String.format("http/noop = %.2f", decisions.perSecond() / noop.perSecond()));
    }

    private static void row(String label, Double value) {
        System.out.printf("%-52s %,14.0f%n", label, value);
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
