package dev.tandem.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.ToLongFunction;

import org.osgi.framework.Bundle;

import dev.tandem.api.Router;
import dev.tandem.api.audit.AuditLog;
import dev.tandem.api.audit.AuditStatus;
import dev.tandem.launcher.Engine;

/**
 * Decisions per second with the audit trail on and off, in one engine and one run: the audit
 * bundle is stopped and started between alternating rounds, everything else stays as it is.
 * Two workloads: signals detected by the installed detectors (what the HTTP API does), and signals
 * given (the engine alone, the most records per second the audit has to take). One deciding thread;
 * the audit writer has the machine's other core. After the last round it waits for the audit to
 * catch up and prints how many records it took, so that "on" is seen to record every decision.
 * Run: {@code ./tandem bench audit [seconds per round]}, or {@code java -cp product/bench/target/classes:$(cat
 * product/bench/target/bench.classpath) -Dtandem.distribution=product/engine/target/tandem-engine
 * dev.tandem.bench.AuditBench [seconds per round]}
 */
public final class AuditBench {
    private static final String AUDIT_BUNDLE = "dev.tandem.audit";
    private static final int ROUNDS = 3;

    /** One way of deciding the mix. */
    private enum Workload {
        SIGNALS_DETECTED("signals detected", (router, sample) -> router.decide(sample.interaction())),
        SIGNALS_GIVEN("signals given", (router, sample) -> router.decide(sample.interaction(), sample.signals()));

        final String label;
        final Decider decider;

        Workload(String label, Decider decider) {
            this.label = label;
            this.decider = decider;
        }
    }

    @FunctionalInterface
    private interface Decider {
        void decide(Router router, Sample sample);
    }

    /** Decisions, seconds, the deciding thread's CPU seconds and the collectors' time (ms) of one round. */
    private record Round(long decisions, double seconds, double cpuSeconds, long gcMillis, long collections) {
        double perSecond() {
            return decisions / seconds;
        }
    }

    /** CPU seconds of the audit bundle's threads (journal, loader) and the embedded database's own threads. */
    private record AuditCpu(Map<Long, Double> byThread, Map<Long, String> names) {
        static AuditCpu now() {
            Map<Long, Double> byThread = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                String name = thread.getName();
                if (name.startsWith("tandem-audit-") || name.startsWith("H2-") || name.startsWith("MVStore")) {
                    byThread.put(thread.threadId(), THREADS.getThreadCpuTime(thread.threadId()) / 1e9);
                    names.put(thread.threadId(), name);
                }
            }
            return new AuditCpu(byThread, names);
        }

        /** CPU seconds since {@code before} of the threads whose name starts so; a thread new since then from 0. */
        double since(AuditCpu before, String prefix) {
            return byThread.entrySet().stream().filter(e -> names.get(e.getKey()).startsWith(prefix))
                    .mapToDouble(e -> e.getValue() - before.byThread.getOrDefault(e.getKey(), 0.0)).sum();
        }

        double databaseSince(AuditCpu before) {
            return since(before, "H2-") + since(before, "MVStore");
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AuditBench() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        Path data = Files.createTempDirectory("tandem-audit-bench");
        Engine engine = new Engine(new Engine.Options(EngineHarness.distribution(), data, EngineHarness.freePort(),
                true, true)).start();
        try {
            Router router = engine.service(Router.class);
            Bundle audit = bundle(engine, AUDIT_BUNDLE);
            List<Sample> mix = InteractionMix.generate(10_000, 42);
            awaitRuleset(router, mix.get(0));
            System.out.println("Audit cost — one engine, one run, " + ROUNDS + " alternating rounds of " + seconds
                    + " s per workload; one deciding thread");
            System.out.printf(Locale.ROOT, "machine: %d cores, load average %.2f at the start%n",
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (Workload workload : Workload.values()) {
                run(engine, audit, router, mix, workload, seconds);
            }
        } finally {
            engine.stop();
            delete(data); // millions of records: gigabytes of database per run
        }
    }

    private static void delete(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void run(Engine engine, Bundle audit, Router router, List<Sample> mix, Workload workload,
                            double seconds) throws Exception {
        round(router, mix, workload, seconds); // warm-up
        List<Round> off = new ArrayList<>();
        List<Round> on = new ArrayList<>();
        List<String> catchUp = new ArrayList<>();
        List<String> auditCpu = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            audit.stop();
            off.add(round(router, mix, workload, seconds));
            audit.start();
            AuditLog log = engine.service(AuditLog.class);
            awaitCaughtUp(log);
            long before = value(log, AuditStatus::recordedRecords);
            AuditCpu cpuBefore = AuditCpu.now();
            Round measured = round(router, mix, workload, seconds);
            on.add(measured);
            AuditCpu cpuAfterRound = AuditCpu.now();
            long backlog = value(log, AuditStatus::backlog);
            long spilled = value(log, AuditStatus::spilledRecords);
            long catchUpStart = System.nanoTime();
            long after = awaitCaughtUp(log);
            AuditCpu cpuAfterCatchUp = AuditCpu.now();
            auditCpu.add(String.format(Locale.ROOT, "in the round journal %.2f, loader %.2f, database %.2f us; "
                    + "with the catch-up loader %.2f, database %.2f us",
                    perRecord(cpuAfterRound.since(cpuBefore, "tandem-audit-journal"), measured),
                    perRecord(cpuAfterRound.since(cpuBefore, "tandem-audit-loader"), measured),
                    perRecord(cpuAfterRound.databaseSince(cpuBefore), measured),
                    perRecord(cpuAfterCatchUp.since(cpuBefore, "tandem-audit-loader"), measured),
                    perRecord(cpuAfterCatchUp.databaseSince(cpuBefore), measured)));
            catchUp.add(String.format(Locale.ROOT, "%d left, %d spilled, %.1f s", backlog, spilled,
                    (System.nanoTime() - catchUpStart) / 1e9));
            if (after - before < measured.decisions()) {
                throw new IllegalStateException("the audit took " + (after - before) + " of " + measured.decisions()
                        + " decisions");
            }
        }
        report(workload, off, on);
        System.out.printf(Locale.ROOT, "%-17s after each on round, audit backlog: %s%n", workload.label,
                String.join("; ", catchUp));
        System.out.printf(Locale.ROOT, "%-17s audit CPU per decision of each on round: %s%n", workload.label,
                String.join("; ", auditCpu));
    }

    /** Waits until the backlog is empty; @return records written since the audit bundle started. */
    private static long awaitCaughtUp(AuditLog log) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (log.status().backlog() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return value(log, AuditStatus::recordedRecords);
    }

    private static long value(AuditLog log, ToLongFunction<AuditStatus> field) {
        return field.applyAsLong(log.status());
    }

    private static double perRecord(double cpuSeconds, Round round) {
        return cpuSeconds * 1e6 / round.decisions();
    }

    private static Round round(Router router, List<Sample> mix, Workload workload, double seconds) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long gcStart = gcMillis();
        long collectionsStart = collections();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long decisions = 0;
        while (System.nanoTime() < end) {
            workload.decider.decide(router, mix.get((int) (decisions % mix.size())));
            decisions++;
        }
        return new Round(decisions, (System.nanoTime() - start) / 1e9,
                (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9, gcMillis() - gcStart,
                collections() - collectionsStart);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static void report(Workload workload, List<Round> off, List<Round> on) {
        double offRate = rate(off);
        double onRate = rate(on);
        System.out.printf(Locale.ROOT, "%-17s audit off rounds: %s%n", workload.label, format(off));
        System.out.printf(Locale.ROOT, "%-17s audit on rounds:  %s%n", workload.label, format(on));
        System.out.printf(Locale.ROOT, "%-17s audit off %.0f decisions/s, audit on %.0f decisions/s, on/off = %.3f: "
                + "auditing costs %.1f%%%n", workload.label, offRate, onRate, onRate / offRate, 100 * (1 - onRate / offRate));
        double offCpuRate = cpuRate(off);
        double onCpuRate = cpuRate(on);
        System.out.printf(Locale.ROOT, "%-17s per CPU second of the deciding thread: audit off %.0f, audit on %.0f "
                + "decisions: auditing costs %.1f%%; the thread was on the CPU %.0f%% (off) and %.0f%% (on) of the "
                + "rounds%n", workload.label, offCpuRate, onCpuRate, 100 * (1 - onCpuRate / offCpuRate),
                100 * cpuShare(off), 100 * cpuShare(on));
        System.out.printf(Locale.ROOT, "%-17s garbage collections per round: audit off %s, audit on %s%n",
                workload.label, collections(off), collections(on));
    }

    private static String collections(List<Round> rounds) {
        return String.join(", ", rounds.stream().map(r -> String.format(Locale.ROOT, "%d in %d ms", r.collections(),
                r.gcMillis())).toList());
    }

    private static double cpuRate(List<Round> rounds) {
        return rounds.stream().mapToLong(Round::decisions).sum() / rounds.stream().mapToDouble(Round::cpuSeconds).sum();
    }

    private static double cpuShare(List<Round> rounds) {
        return rounds.stream().mapToDouble(Round::cpuSeconds).sum() / rounds.stream().mapToDouble(Round::seconds).sum();
    }

    private static double rate(List<Round> rounds) {
        return rounds.stream().mapToLong(Round::decisions).sum() / rounds.stream().mapToDouble(Round::seconds).sum();
    }

    private static String format(List<Round> rounds) {
        return String.join(", ", rounds.stream().map(r -> String.format(Locale.ROOT, "%.0f/s", r.perSecond())).toList());
    }

    private static void awaitRuleset(Router router, Sample sample) throws InterruptedException {
        for (int i = 0; i < 600 && router.decide(sample.interaction()).ruleset() == null; i++) {
            Thread.sleep(100);
        }
    }

    private static Bundle bundle(Engine engine, String symbolicName) {
        for (Bundle bundle : engine.framework().getBundleContext().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new IllegalStateException("no bundle " + symbolicName + " in the distribution");
    }
}
