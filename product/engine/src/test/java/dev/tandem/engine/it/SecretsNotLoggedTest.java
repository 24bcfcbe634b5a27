package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploy, roll back, decide and read with tokens (and fail with a forged one and a wrong role), then look for
 * every token in what the engine printed and logged, in the answers of the audit API, and in every file of the
 * data folder but the admin token file itself: none is there.
 */
class SecretsNotLoggedTest {
    static final String FORGED = "tdm_forged-but-secret-looking-value-0123456789ab";

    @TempDir
    Path data;

    @Test
    void tokensNeverReachTheLogsTheAuditTrailOrTheDataFolder() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        Handler logs = capture(captured);
        System.setOut(new PrintStream(tee(out, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err, captured), true, StandardCharsets.UTF_8));
        Logger.getLogger("").addHandler(logs);
        List<String> tokens;
        String auditAnswers;
        try (RunningEngine engine = RunningEngine.start(data)) {
            tokens = List.of(engine.token("admin"), engine.token("deployer"), engine.token("auditor"),
                    engine.token("channel"), FORGED);
            exercise(engine);
            auditAnswers = awaitAudit(engine) + engine.get("/api/v1/decisions?limit=1000").body();
        } finally {
            Logger.getLogger("").removeHandler(logs);
            System.setOut(out);
            System.setErr(err);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("by anonymous: refused"), "the capture sees the engine's log");
        for (String token : tokens) {
            String secret = token.substring(4);
            assertFalse(printed.contains(secret), "a token is in the log");
            assertFalse(auditAnswers.contains(secret), "a token is in the audit trail");
            assertFalse(anyDataFileContains(secret), "a token is in a file of the data folder");
        }
    }

    private static void exercise(RunningEngine engine) throws Exception {
        String deployer = engine.token("deployer");
        assertEquals(201, engine.send("POST", "/api/v1/rulesets", deployer, "application/java-archive",
                RuleBundles.defaultRules("1.0.1").jar()).status());
        assertEquals(401, engine.send("POST", "/api/v1/rulesets", FORGED, "application/java-archive",
                RuleBundles.defaultRules("1.0.2").jar()).status());
        assertEquals(403, engine.send("POST", "/api/v1/rulesets/rules.escalation-default/rollback",
                engine.token("auditor"), null, null).status());
        assertEquals(200, engine.send("POST", "/api/v1/rulesets/rules.escalation-default/rollback", deployer,
                null, null).status());
        assertEquals(200, engine.send("POST", "/api/v1/decisions", engine.token("channel"), "application/json",
                RuleBundles.interaction("s-1", "I want to talk to a real person", "{}")
                        .getBytes(StandardCharsets.UTF_8)).status());
    }

    private static String awaitAudit(RunningEngine engine) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String deployments = "";
        while (System.nanoTime() < deadline) {
            deployments = engine.get("/api/v1/deployments?limit=1000").body();
            if (deployments.contains("ROLLED_BACK") && deployments.contains("ACCESS_DENIED")) {
                return deployments;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the deployments did not reach the audit trail: " + deployments);
    }

    private boolean anyDataFileContains(String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("admin.token")).toList()) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Handler capture(ByteArrayOutputStream captured) {
        SimpleFormatter format = new SimpleFormatter();
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (captured) {
                    captured.writeBytes(format.format(record).getBytes(StandardCharsets.UTF_8));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    private static OutputStream tee(OutputStream original, ByteArrayOutputStream captured) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                original.write(b);
                synchronized (captured) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                original.write(b, off, len);
                synchronized (captured) {
                    captured.write(b, off, len);
                }
            }
        };
    }
}
