package dev.tandem.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.Bundle;

import dev.tandem.api.Router;
import dev.tandem.api.RulesetRegistry;
import dev.tandem.api.audit.AuditLog;
import dev.tandem.launcher.Engine;

/** The real engine (Felix with the distribution's bundles) in this process, its services called directly. */
public final class EngineHarness implements AutoCloseable {
    public static final String DEFAULT_RULESET = "rules.escalation-default";

    private final Engine engine;
    private final Path data;
    private final Router router;
    private final RulesetRegistry registry;

    private EngineHarness(Engine engine, Path data) throws InterruptedException {
        this.engine = engine;
        this.data = data;
        this.router = engine.service(Router.class);
        this.registry = engine.service(RulesetRegistry.class);
    }

    public static EngineHarness start(int port) throws Exception {
        Path data = Files.createTempDirectory("tandem-bench");
        Engine engine = new Engine(new Engine.Options(distribution(), data, port, true, true)).start();
        EngineHarness harness = new EngineHarness(engine, data);
        harness.awaitActive(DEFAULT_RULESET);
        return harness;
    }

    public static EngineHarness start() throws Exception {
        return start(freePort());
    }

    /** The engine without the bundles that listen to decisions (audit, metrics): the decision path alone. */
    public static EngineHarness startWithout(String... symbolicNames) throws Exception {
        EngineHarness harness = start();
        for (String symbolicName : symbolicNames) {
            harness.bundle(symbolicName).stop();
        }
        return harness;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : engine.framework().getBundleContext().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new IllegalStateException("no bundle " + symbolicName + " in the distribution");
    }

    public static Path distribution() {
        return Path.of(System.getProperty("tandem.distribution", "product/engine/target/tandem-engine"));
    }

    public static Path root() {
        return Path.of(System.getProperty("tandem.root", "."));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public Router router() {
        return router;
    }

    public RulesetRegistry registry() {
        return registry;
    }

    public int port() {
        return engine.port();
    }

    /** The admin's bearer token, for requests to the HTTP API. */
    public String adminToken() {
        return engine.adminToken().token();
    }

    /**
     * Waits until the audit trail has written the decisions earlier measurements made, at most {@code seconds}:
     * its writer would otherwise take a core from the next measurement. The backlog left, 0 when written.
     */
    public long awaitAuditWritten(int seconds) throws InterruptedException {
        AuditLog audit = engine.service(AuditLog.class);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (audit.status().backlog() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return audit.status().backlog();
    }

    private void awaitActive(String ruleset) throws InterruptedException {
        for (int i = 0; i < 600 && registry.active(ruleset).isEmpty(); i++) {
            Thread.sleep(100);
        }
        if (registry.active(ruleset).isEmpty()) {
            throw new IllegalStateException(ruleset + " did not become active within a minute");
        }
    }

    @Override
    public void close() throws Exception {
        engine.stop();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
