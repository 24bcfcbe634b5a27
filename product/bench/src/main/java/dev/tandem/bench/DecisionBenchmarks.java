package dev.tandem.bench;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.tandem.api.Interaction;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.rules.Decision;

/** Decisions per second, one thread, the same interaction mix for every contender. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class DecisionBenchmarks {
    private static final int MIX_SIZE = 4096;
    static final String AUDIT = "dev.tandem.audit";
    static final String METRICS = "dev.tandem.metrics";
    /** The engine's switch for the direct evaluation of rules (RulesetCompiler). */
    static final String DIRECT_EVALUATION = "tandem.rules.direct";

    /** The interaction mix and a cursor through it. */
    @State(Scope.Thread)
    public static class Mix {
        List<Sample> samples;
        int next;

        @Setup(Level.Trial)
        public void generate() {
            samples = InteractionMix.generate(MIX_SIZE, 42);
        }

        Sample next() {
            next = (next + 1) & (MIX_SIZE - 1);
            return samples.get(next);
        }
    }

    /** Tandem's engine, running in Felix in this JVM, without the decision listeners: the decision path alone. */
    @State(Scope.Benchmark)
    public static class RunningEngine {
        EngineHarness engine;

        @Setup(Level.Trial)
        public void start() throws Exception {
            engine = EngineHarness.startWithout(AUDIT, METRICS);
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            engine.close();
        }
    }

    /**
     * The engine with its rules in pooled Drools sessions, as every ruleset ran before the direct evaluation, and as
     * rulesets that the direct evaluation does not take still run.
     */
    @State(Scope.Benchmark)
    public static class EngineInDroolsSessions {
        EngineHarness engine;

        @Setup(Level.Trial)
        public void start() throws Exception {
            System.setProperty(DIRECT_EVALUATION, "false");
            engine = EngineHarness.startWithout(AUDIT, METRICS);
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            engine.close();
            System.clearProperty(DIRECT_EVALUATION);
        }
    }

    /** The engine with the metrics listener (Micrometer counters and latency histogram). */
    @State(Scope.Benchmark)
    public static class EngineWithMetrics {
        EngineHarness engine;

        @Setup(Level.Trial)
        public void start() throws Exception {
            engine = EngineHarness.startWithout(AUDIT);
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            engine.close();
        }
    }

    /** The whole distribution: metrics and the audit trail listen to every decision. */
    @State(Scope.Benchmark)
    public static class EngineWithAllListeners {
        EngineHarness engine;

        @Setup(Level.Trial)
        public void start() throws Exception {
            engine = EngineHarness.start();
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            engine.close();
        }
    }

    /**
     * The engine deciding the mix with a ruleset of one rule, named by each interaction: a decision's fixed cost (ruleset
     * lookup, decision id, reasons, fired rules, budget, the immutable record) with next to no rule work.
     */
    @State(Scope.Benchmark)
    public static class EngineWithOneRule {
        EngineHarness engine;
        List<Sample> samples;
        int next;

        @Setup(Level.Trial)
        public void start() throws Exception {
            engine = EngineHarness.startWithout(AUDIT, METRICS);
            engine.registry().deploy(new ByteArrayInputStream(RuleBundleJar.oneRule()), "bench");
            samples = InteractionMix.generate(MIX_SIZE, 42).stream().map(EngineWithOneRule::namingTheRuleset).toList();
        }

        private static Sample namingTheRuleset(Sample sample) {
            Interaction interaction = sample.interaction();
            Map<String, Object> attributes = new HashMap<>(interaction.getAttributes());
            attributes.put("ruleset", RuleBundleJar.ONE_RULE);
            return new Sample(new Interaction(interaction.getInteractionId(), interaction.getChannel(),
                    interaction.getLanguage(), interaction.getCustomer(), interaction.getMessages(),
                    interaction.getAiConfidence(), attributes), sample.signals());
        }

        Sample nextSample() {
            next = (next + 1) & (MIX_SIZE - 1);
            return samples.get(next);
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            engine.close();
        }
    }

    /** The default DRL compiled by plain Drools. */
    @State(Scope.Benchmark)
    public static class PlainDrools {
        RawDrools drools;

        @Setup(Level.Trial)
        public void compile() throws Exception {
            drools = RawDrools.compile(EngineHarness.root().resolve("rules/escalation-default/drl"));
        }
    }

    @Benchmark
    public RoutingDecision engineWithoutSignals(RunningEngine engine, Mix mix) {
        Sample sample = mix.next();
        return engine.engine.router().decide(sample.interaction(), sample.signals());
    }

    @Benchmark
    public RoutingDecision engineWithSignals(RunningEngine engine, Mix mix) {
        return engine.engine.router().decide(mix.next().interaction());
    }

    @Benchmark
    public RoutingDecision engineInDroolsSessions(EngineInDroolsSessions engine, Mix mix) {
        Sample sample = mix.next();
        return engine.engine.router().decide(sample.interaction(), sample.signals());
    }

    @Benchmark
    public RoutingDecision engineWithMetricsListener(EngineWithMetrics engine, Mix mix) {
        Sample sample = mix.next();
        return engine.engine.router().decide(sample.interaction(), sample.signals());
    }

    @Benchmark
    public RoutingDecision engineWithAuditAndMetricsListeners(EngineWithAllListeners engine, Mix mix) {
        Sample sample = mix.next();
        return engine.engine.router().decide(sample.interaction(), sample.signals());
    }

    @Benchmark
    public RoutingDecision engineWithOneRule(EngineWithOneRule engine) {
        Sample sample = engine.nextSample();
        return engine.engine.router().decide(sample.interaction(), sample.signals());
    }

    @Benchmark
    public Decision rawDrools(PlainDrools drools, Mix mix) {
        Sample sample = mix.next();
        return drools.drools.decide(sample.interaction(), sample.signals());
    }

    @Benchmark
    public HandWrittenPolicy.Verdict handWrittenJava(Mix mix) {
        Sample sample = mix.next();
        return HandWrittenPolicy.decide(sample.interaction(), sample.signals());
    }
}
