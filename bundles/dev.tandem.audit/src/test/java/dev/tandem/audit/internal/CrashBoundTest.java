package dev.tandem.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented crash bound, with a real crash: a JVM recording a steady stream of records is killed
 * (SIGKILL, no shutdown hook runs); after a restart, every record handed over more than the bound before
 * the kill is in the database, once. The bound is the flush interval (the journal is forced at least that
 * often) plus the time of one write. What the database has committed but not yet written to its file
 * (the embedded H2 writes within 500 ms) does not widen it: the journal's offset moves past records only
 * once H2 has forced them to disk, so the restart loads them from the journal.
 */
class CrashBoundTest {
    private static final long FLUSH_INTERVAL_MILLIS = 200;
    private static final long ONE_WRITE_MILLIS = 500;
    private static final long BOUND_MILLIS = FLUSH_INTERVAL_MILLIS + ONE_WRITE_MILLIS;

    @TempDir
    Path data;

    @Test
    void aKilledEngineLosesAtMostTheRecordsOfTheBound() throws Exception {
        ConcurrentSkipListMap<Long, Integer> handedOverAt = new ConcurrentSkipListMap<>();
        long killedAt = runAndKill(handedOverAt);

        int mustSurvive = handedOverAt.headMap(killedAt - TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS), true)
                .lastEntry().getValue();
        int lastHandedOver = handedOverAt.lastEntry().getValue();
        Set<String> stored = recover();

        java.util.List<Integer> missing = new java.util.ArrayList<>();
        for (int i = 0; i <= mustSurvive; i++) {
            if (!stored.contains("r-" + i)) {
                missing.add(i);
            }
        }
        assertTrue(missing.isEmpty(), missing.size() + " records of the first " + (mustSurvive + 1) + " were lost: "
                + missing.subList(0, Math.min(20, missing.size())) + "; recorder's log: "
                + java.nio.file.Files.readString(data.resolve("recorder.log")).lines().limit(30).toList());
        assertTrue(mustSurvive > 1_000, "the stream ran: " + mustSurvive);
        System.out.printf("crash bound: %d records handed over, %d had to survive, %d stored, %d lost%n",
                lastHandedOver + 1, mustSurvive + 1, stored.size(), Math.max(0, lastHandedOver + 1 - stored.size()));
    }

    /** @return when the recorder was killed (System.nanoTime) */
    private long runAndKill(ConcurrentSkipListMap<Long, Integer> handedOverAt) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process recorder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashingRecorder.class.getName(), data.toString(), Long.toString(FLUSH_INTERVAL_MILLIS))
                .redirectError(data.resolve("recorder.log").toFile()).start();
        Thread reader = new Thread(() -> read(recorder, handedOverAt));
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((handedOverAt.isEmpty() || handedOverAt.lastEntry().getValue() < 40_000) && System.nanoTime() < deadline
                && recorder.isAlive()) {
            Thread.sleep(50);
        }
        long killedAt = System.nanoTime();
        recorder.destroyForcibly();
        recorder.waitFor();
        reader.join();
        return killedAt;
    }

    private static void read(Process recorder, ConcurrentSkipListMap<Long, Integer> handedOverAt) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(recorder.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.equals("started")) {
                    handedOverAt.put(System.nanoTime(), Integer.parseInt(line.strip()));
                }
            }
        } catch (java.io.IOException killed) {
            // the pipe closes with the process
        }
    }

    /** Starts a writer on the same data folder, as the engine's next start would, and reads what is stored. */
    private Set<String> recover() throws Exception {
        AuditDatabase database = AuditDatabase.embedded(data);
        JdbcAuditStore store = new JdbcAuditStore(database, AuditSchema::migrate);
        AuditWriter writer = new AuditWriter(new AuditWriter.Settings(256, 100, FLUSH_INTERVAL_MILLIS, 1_000), store,
                new Journal(AuditDatabase.embeddedFolder(data)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((writer.backlog() > 0 || writer.recordedRecords() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        writer.close();
        Set<String> ids = new HashSet<>();
        long rows = 0;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT event_id FROM audit_deployment")) {
            while (row.next()) {
                ids.add(row.getString(1));
                rows++;
            }
        }
        store.close();
        assertEquals(rows, ids.size(), "no record stored twice");
        assertEquals(0, ChainVerifier.verify(database, AuditTable.DEPLOYMENTS).firstBreak().map(b -> 1).orElse(0),
                "the chain is intact across the crash");
        return ids;
    }
}
