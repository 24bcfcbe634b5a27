package dev.tandem.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.framework.Bundle;

import dev.tandem.api.Interaction;
import dev.tandem.api.Router;
import dev.tandem.launcher.Engine;

/**
 * Decisions per second with the audit trail on and off, in one engine and one run: the audit
 * bundle is stopped and started between alternating rounds, everything else stays as it is.
 * One deciding thread; the audit writer has the machine's other core.
 * Run: {@code java -cp product/bench/target/classes:$(cat product/bench/target/bench.classpath)
 * -Dtandem.distribution=product/engine/target/tandem-engine dev.tandem.bench.AuditBench [seconds per round]}
 */
public final class AuditBench {
    private static final String AUDIT_BUNDLE = "dev.tandem.audit";
    private static final int ROUNDS = 3;

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
            List<Interaction> mix = InteractionMix.generate(10_000, 42).stream().map(Sample::interaction).toList();
            awaitRuleset(router, mix.get(0));
            rate(router, mix, seconds); // warm-up
            List<Double> off = new ArrayList<>();
            List<Double> on = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                audit.stop();
                off.add(rate(router, mix, seconds));
                audit.start();
                engine.service(dev.tandem.api.audit.AuditLog.class);
                on.add(rate(router, mix, seconds));
            }
            report(off, on);
        } finally {
            engine.stop();
        }
    }

    private static double rate(Router router, List<Interaction> mix, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long decisions = 0;
        while (System.nanoTime() < end) {
            router.decide(mix.get((int) (decisions % mix.size())));
            decisions++;
        }
        return decisions / ((System.nanoTime() - start) / 1e9);
    }

    private static void report(List<Double> off, List<Double> on) {
        double offMean = off.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double onMean = on.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.println("rounds, audit off: " + format(off));
        System.out.println("rounds, audit on:  " + format(on));
        System.out.printf(Locale.ROOT, "audit off %.0f decisions/s, audit on %.0f decisions/s: auditing costs %.1f%%%n",
                offMean, onMean, 100 * (1 - onMean / offMean));
    }

    private static String format(List<Double> rates) {
        return String.join(", ", rates.stream().map(r -> String.format(Locale.ROOT, "%.0f/s", r)).toList());
    }

    private static void awaitRuleset(Router router, Interaction interaction) throws InterruptedException {
        for (int i = 0; i < 600 && router.decide(interaction).ruleset() == null; i++) {
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
