package dev.tandem.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.tandem.api.Router;
import dev.tandem.api.RulesetRegistry;

/**
 * (e) Deploy → active: how long until a ruleset decides and how much heap it takes; and whether a large
 * deployment, which compiles on the deploying thread, stalls the decisions on the active ruleset meanwhile.
 */
final class DeployBench {
    /** One row: the first and the best of repeated deployments, and the heap the active ruleset holds. */
    record Figure(String ruleset, int rules, long firstMillis, long warmMillis, long heapMegabytes) {
    }

    /** A deployment made while one thread decided on the active ruleset flat out. */
    record UnderLoad(int rules, long millis, DecidingMeanwhile.Latencies decisions) {
    }

    private final RulesetRegistry registry;
    private final Router router;
    /** Each deployment needs a version of its own. */
    private int deployments;

    DeployBench(RulesetRegistry registry, Router router) {
        this.registry = registry;
        this.router = router;
    }

    /**
     * The deploy rows alone: {@code DeployBench [repetitions of the default ruleset] [generated ruleset sizes...]},
     * e.g. {@code DeployBench 10 1000 10000}.
     */
    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (EngineHarness engine = EngineHarness.start()) {
            System.out.println("audit backlog before deploying: " + engine.awaitAuditWritten(180));
            DeployBench bench = new DeployBench(engine.registry(), engine.router());
            print(bench.defaultRuleset(EngineHarness.root().resolve("rules/escalation-default"), repetitions));
            for (int i = 1; i < args.length; i++) {
                print(bench.generated(Integer.parseInt(args[i])));
            }
            if (args.length > 1) {
                print(bench.whileDeciding(Integer.parseInt(args[args.length - 1])));
            }
        }
    }

    private static void print(Figure figure) {
        System.out.printf("%-30s %6d rules  first %6d ms  best %6d ms  heap %5d MB%n", figure.ruleset(),
                figure.rules(), figure.firstMillis(), figure.warmMillis(), figure.heapMegabytes());
    }

    private static void print(UnderLoad underLoad) {
        System.out.printf("%d rules again while deciding: %d ms; meanwhile %d decisions, p99 %d µs, max %d µs%n",
                underLoad.rules(), underLoad.millis(), underLoad.decisions().decisions(),
                underLoad.decisions().p99Micros(), underLoad.decisions().maxMicros());
    }

    Figure defaultRuleset(Path ruleProject, int repetitions) throws Exception {
        long first = -1;
        long best = Long.MAX_VALUE;
        long heap = 0;
        for (int i = 1; i <= repetitions; i++) {
            long before = usedHeap();
            long millis = deploy(RuleBundleJar.defaultRules(ruleProject, "1.0." + (100 + ++deployments)));
            heap = usedHeap() - before;
            first = first < 0 ? millis : first;
            best = Math.min(best, millis);
        }
        return new Figure("rules.escalation-default", ruleCount(ruleProject.resolve("drl")), first, best, heap >> 20);
    }

    private static int ruleCount(Path drlFolder) throws IOException {
        try (Stream<Path> files = Files.list(drlFolder)) {
            int rules = 0;
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                rules += (int) Files.readAllLines(drl).stream().filter(l -> l.startsWith("rule ")).count();
            }
            return rules;
        }
    }

    Figure generated(int rules) throws Exception {
        byte[] jar = RuleBundleJar.generated(rules);
        long before = usedHeap();
        long millis = deploy(jar);
        return new Figure("rules.generated-" + rules, rules, millis, millis, (usedHeap() - before) >> 20);
    }

    /** Deploys a generated ruleset (a new version) while one thread decides on the active default ruleset. */
    UnderLoad whileDeciding(int rules) throws Exception {
        byte[] jar = RuleBundleJar.generated(rules, "2.0." + ++deployments);
        try (DecidingMeanwhile deciding = DecidingMeanwhile.start(router)) {
            long millis = deploy(jar);
            return new UnderLoad(rules, millis, deciding.stop());
        }
    }

    private long deploy(byte[] jar) throws Exception {
        long start = System.nanoTime();
        registry.deploy(new ByteArrayInputStream(jar), "bench");
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long usedHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
