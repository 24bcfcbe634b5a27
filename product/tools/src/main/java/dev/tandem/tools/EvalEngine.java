package dev.tandem.tools;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import dev.tandem.api.Interaction;
import dev.tandem.api.Message;
import dev.tandem.api.Router;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.RulesetRegistry;
import dev.tandem.api.Signal;
import dev.tandem.api.SignalDetector;
import dev.tandem.launcher.Engine;
import dev.tandem.signals.intent.training.ModelBundleFormat;

/**
 * The real engine of the distribution in this process (Felix, every bundle, the default ruleset), called
 * through its services. Signal-model bundles can be swapped in while it runs, as in production.
 */
final class EvalEngine implements AutoCloseable {
    private static final String RULESET = "rules.escalation-default";

    private final Engine engine;
    private final Path data;
    private final Router router;
    private final ServiceTracker<SignalDetector, SignalDetector> detectors;
    private SignalDetector[] currentDetectors = new SignalDetector[0];
    private int detectorsTrackingCount = -1;

    private EvalEngine(Engine engine, Path data) throws InterruptedException {
        this.engine = engine;
        this.data = data;
        this.router = engine.service(Router.class);
        this.detectors = new ServiceTracker<>(context(), SignalDetector.class, null);
        detectors.open();
    }

    static EvalEngine start(Path distribution) throws Exception {
        Path data = Files.createTempDirectory("tandem-eval");
        System.setProperty("org.ops4j.pax.logging.DefaultServiceLog.level", "WARN");
        Engine engine = new Engine(new Engine.Options(distribution, data, freePort(), true, true)).start();
        EvalEngine eval = new EvalEngine(engine, data);
        eval.awaitRuleset(engine.service(RulesetRegistry.class));
        return eval;
    }

    /** Installs a signal-model bundle in place of those of the same domain; returns once it classifies. */
    void swapModel(Path jar, String domain) throws Exception {
        removeModels(domain);
        try (InputStream in = Files.newInputStream(jar)) {
            context().installBundle(jar.toUri() + "#" + System.nanoTime(), in).start();
        }
        awaitIntent(domain);
    }

    /** Uninstalls the signal-model bundles of a domain. */
    void removeModels(String domain) throws org.osgi.framework.BundleException {
        for (Bundle bundle : context().getBundles()) {
            String header = bundle.getHeaders().get(ModelBundleFormat.HEADER);
            if (header != null && header.contains("domain=" + domain + ";")) {
                bundle.uninstall();
            }
        }
    }

    /** Waits until the intent detector classifies messages of the domain (components start asynchronously). */
    void awaitIntent(String domain) throws InterruptedException {
        Interaction probe = interaction("probe", "hello", domain);
        for (int i = 0; i < 600; i++) {
            if (detectSignals(probe).stream().anyMatch(signal -> "intent".equals(signal.getName()))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no intent model for domain '" + domain + "' came into service within a minute");
    }

    RoutingDecision decide(Interaction interaction) {
        return router.decide(interaction);
    }

    /** Runs every detector once, as the router does before the rules. */
    List<Signal> detectSignals(Interaction interaction) {
        return detectSignals(interaction, null);
    }

    /** Runs every detector once; puts each one's time into {@code nanosByDetector} unless that is null. */
    List<Signal> detectSignals(Interaction interaction, Map<String, Long> nanosByDetector) {
        List<Signal> signals = new java.util.ArrayList<>();
        for (SignalDetector detector : detectors()) {
            long start = System.nanoTime();
            signals.addAll(detector.detect(interaction));
            if (nanosByDetector != null) {
                nanosByDetector.put(detector.name(), System.nanoTime() - start);
            }
        }
        return signals;
    }

    /**
     * The detectors in service, looked up again only when they changed: the engine keeps them in a list its
     * DS references fill, so asking the framework for them per message would time the lookup, not them.
     */
    private SignalDetector[] detectors() {
        int trackingCount = detectors.getTrackingCount();
        if (trackingCount != detectorsTrackingCount) {
            currentDetectors = detectors.getServices(new SignalDetector[0]);
            detectorsTrackingCount = trackingCount;
        }
        return currentDetectors;
    }

    static Interaction interaction(String id, String text, String domain) {
        return new Interaction(id, "chat", null, null, List.of(new Message(Message.CUSTOMER, text)), Double.NaN,
                Map.of("domain", domain));
    }

    private BundleContext context() {
        return engine.framework().getBundleContext();
    }

    private void awaitRuleset(RulesetRegistry registry) throws InterruptedException {
        for (int i = 0; i < 600 && registry.active(RULESET).isEmpty(); i++) {
            Thread.sleep(100);
        }
        if (registry.active(RULESET).isEmpty()) {
            throw new IllegalStateException(RULESET + " did not become active within a minute");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        detectors.close();
        engine.stop();
        try (var files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
