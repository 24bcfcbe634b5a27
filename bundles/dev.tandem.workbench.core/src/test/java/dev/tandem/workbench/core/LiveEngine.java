package dev.tandem.workbench.core;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.tandem.launcher.ApiTokens;
import dev.tandem.launcher.Engine;

/**
 * A real engine (Felix with the distribution product/engine assembles) on a free port, with two API users
 * configured through Config Admin: "analyst-under-test" (deployer) and "reader" (auditor).
 */
final class LiveEngine implements AutoCloseable {
    static final String DEPLOYER = "analyst-under-test";
    private static final String DEPLOYER_TOKEN = ApiTokens.newToken();
    static final String READER_TOKEN = ApiTokens.newToken();
    private static final Path DISTRIBUTION = Path.of(System.getProperty("tandem.distribution",
            "../../product/engine/target/tandem-engine"));

    private final Engine engine;
    private final URI uri;

    private LiveEngine(Engine engine, URI uri) {
        this.engine = engine;
        this.uri = uri;
    }

    /** Starts an engine with the default ruleset deployed and waits until it lists it. */
    static LiveEngine start(Path dataFolder) throws Exception {
        int port = freePort();
        Files.createDirectories(dataFolder.resolve(Engine.CONFIG_FOLDER));
        Files.writeString(dataFolder.resolve(Engine.CONFIG_FOLDER).resolve("dev.tandem.http.auth.config"),
                "users=[\"" + ApiTokens.userEntry(DEPLOYER, "deployer", DEPLOYER_TOKEN) + "\", \""
                        + ApiTokens.userEntry("reader", "auditor", READER_TOKEN) + "\"]\n");
        Engine engine = new Engine(new Engine.Options(DISTRIBUTION, dataFolder, port, true)).start();
        LiveEngine live = new LiveEngine(engine, URI.create("http://127.0.0.1:" + port));
        live.awaitDefaultRuleset();
        return live;
    }

    URI uri() {
        return uri;
    }

    /** A client with the deployer's token. */
    EngineClient client() {
        return new EngineClient(uri, DEPLOYER_TOKEN);
    }

    String deployerToken() {
        return DEPLOYER_TOKEN;
    }

    private void awaitDefaultRuleset() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        EngineException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (client().rulesets().stream().anyMatch(r -> r.name().equals("rules.escalation-default"))) {
                    return;
                }
            } catch (EngineException notYet) {
                last = notYet;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the engine did not list the default ruleset within 90 s", last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        engine.stop();
    }
}
