package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tandem start} stopped as Ctrl-C or TERM stops it, in a JVM of its own: the audit records of
 * every decision reach the embedded H2 database before it closes (none left in the journal), and
 * the engine's output shows no stack trace.
 */
class AuditAtEngineStopTest {
    private static final Path DISTRIBUTION = Path.of(System.getProperty("tandem.distribution", "target/tandem-engine"))
            .toAbsolutePath();
    /** The launcher's jar joins lib/ only at package time, after the tests: its classes come from here. */
    private static final Path LAUNCHER_CLASSES = Path.of("target", "classes").toAbsolutePath();
    private static final Pattern TOKEN = Pattern.compile("Admin token \\(kept in [^)]*\\): (\\S+)");
    private static final int DECISIONS = 300;

    @TempDir
    Path folder;

    @Test
    void aStoppedEngineHasWrittenEveryRecordAndPrintsNoStackTrace() throws Exception {
        Path data = folder.resolve("data");
        Path output = folder.resolve("engine.log");
        int port = freePort();
        Process engine = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtandem.distribution=" + DISTRIBUTION,
                "-cp", LAUNCHER_CLASSES + File.pathSeparator + DISTRIBUTION.resolve("lib") + "/*",
                "dev.tandem.launcher.Main", "--port", Integer.toString(port), "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            Optional<String> token = awaitStarted(engine, output);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < DECISIONS; i++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/decisions"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                RuleBundles.interaction("stop-" + i, "I want to talk to a real person", "{}")));
                token.ifPresent(admin -> request.header("Authorization", "Bearer " + admin));
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response.body());
            }
            engine.destroy(); // SIGTERM: the shutdown hooks run, as on Ctrl-C
            assertTrue(engine.waitFor(60, TimeUnit.SECONDS), "the engine stopped within 60 s");
        } finally {
            engine.destroyForcibly();
        }

        String log = Files.readString(output);
        String atStop = log.substring(log.indexOf("Press Ctrl-C"));
        assertTrue(atStop.contains("Tandem engine stopped."), log);
        assertFalse(atStop.contains("\tat ") || atStop.contains("Exception"), "no stack trace at stop:\n" + atStop);
        assertEquals(DECISIONS, recordedDecisions(data), "every decision recorded in the database at stop");
        Path journal = data.resolve("audit").resolve("audit.journal");
        assertTrue(Files.exists(journal), "every record went through the journal");
        assertEquals(0, Files.size(journal), "nothing left in the journal");
        assertFalse(Files.exists(data.resolve("audit").resolve("server.url")), "the CLI's server is gone with it");
    }

    /** @return the admin token the engine printed on its first start, if it printed one */
    private static Optional<String> awaitStarted(Process engine, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && engine.isAlive()) {
            String log = Files.exists(output) ? Files.readString(output) : "";
            if (log.contains("Press Ctrl-C")) {
                return token(log);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the engine did not start:\n" + Files.readString(output));
    }

    private static Optional<String> token(String log) {
        Matcher matcher = TOKEN.matcher(log);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static long recordedDecisions(Path data) throws Exception {
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("audit").resolve("audit") + ";IFEXISTS=TRUE";
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT COUNT(*) FROM audit_decision WHERE interaction_id LIKE 'stop-%'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
