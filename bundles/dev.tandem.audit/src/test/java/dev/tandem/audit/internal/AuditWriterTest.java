package dev.tandem.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditWriterTest {
    private static final AuditWriter.Settings SETTINGS = new AuditWriter.Settings(10_000, 100, 50, 50);

    @TempDir
    Path folder;

    /** A store that keeps batches in memory and can be switched off, as a database goes away. */
    static class MemoryStore implements AuditStore {
        final List<List<AuditEntry>> batches = new ArrayList<>();
        volatile boolean down;

        @Override
        public synchronized void append(List<AuditEntry> entries, boolean skipKnown) throws SQLException {
            if (down) {
                throw new SQLException("connection refused");
            }
            if (!entries.isEmpty()) {
                List<String> stored = ids();
                batches.add(entries.stream().filter(e -> !skipKnown || !stored.contains(e.id())).toList());
            }
        }

        synchronized List<String> ids() {
            return batches.stream().flatMap(List::stream).map(AuditEntry::id).toList();
        }
    }

    @Test
    void recordsAreWrittenInBatchesInOrder() throws Exception {
        MemoryStore store = new MemoryStore();
        try (AuditWriter writer = new AuditWriter(SETTINGS, store, new Journal(folder))) {
            submit(writer, 0, 1_000);
            await(() -> store.ids().size() == 1_000);
        }
        assertEquals(ids(0, 1_000), store.ids());
        assertTrue(store.batches.size() < 1_000, "batched: " + store.batches.size() + " writes");
        assertTrue(store.batches.stream().allMatch(b -> b.size() <= SETTINGS.batchSize()));
    }

    @Test
    void whileTheStoreIsDownRecordsWaitInTheJournalAndAreLoadedInOrder() throws Exception {
        MemoryStore store = new MemoryStore();
        try (AuditWriter writer = new AuditWriter(SETTINGS, store, new Journal(folder))) {
            submit(writer, 0, 100);
            await(() -> store.ids().size() == 100);
            store.down = true;
            submit(writer, 100, 300);
            await(() -> !writer.storeReachable());
            submit(writer, 300, 400);
            await(() -> writer.spilledRecords() >= 100);
            assertEquals(300, writer.backlog());
            store.down = false;
            await(() -> store.ids().size() == 400);
            await(() -> writer.backlog() == 0);
            assertEquals(0, writer.lostRecords());
        }
        assertEquals(ids(0, 400), store.ids());
    }

    /**
     * Above the configured rate the database would only take the machine from the deciding threads: the
     * journal holds the records, and the database catches up once the load drops.
     */
    @Test
    void underALoadAboveTheRateTheDatabaseWaitsAndCatchesUpWhenItDrops() throws Exception {
        MemoryStore store = new MemoryStore();
        AuditWriter.Settings loadBelow1000 = new AuditWriter.Settings(10_000, 100, 50, 50, 1_000);
        int submitted = 0;
        try (AuditWriter writer = new AuditWriter(loadBelow1000, store, new Journal(folder))) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
            int storedAfterTheFirstWindow = -1;
            long firstWindowEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (System.nanoTime() < end) {
                submit(writer, submitted, submitted + 100); // 100 records every 5 ms: 20,000 a second
                submitted += 100;
                if (storedAfterTheFirstWindow < 0 && System.nanoTime() > firstWindowEnd) {
                    storedAfterTheFirstWindow = store.ids().size();
                }
                Thread.sleep(5);
            }
            assertEquals(storedAfterTheFirstWindow, store.ids().size(), "nothing loaded while the load was high");
            assertTrue(writer.spilledRecords() > 0);
            int total = submitted;
            await(() -> store.ids().size() == total);
            await(() -> writer.backlog() == 0);
        }
        assertEquals(ids(0, submitted), store.ids());
    }

    @Test
    void recordsJournaledBeforeAStopAreLoadedByTheNextWriter() throws Exception {
        MemoryStore store = new MemoryStore();
        store.down = true;
        try (AuditWriter writer = new AuditWriter(SETTINGS, store, new Journal(folder))) {
            submit(writer, 0, 50);
        }
        store.down = false;
        try (AuditWriter writer = new AuditWriter(SETTINGS, store, new Journal(folder))) {
            await(() -> store.ids().size() == 50);
        }
        assertEquals(ids(0, 50), store.ids());
    }

    /** A store that holds every write until released, as a database that has stopped answering. */
    static final class StuckStore extends MemoryStore {
        final CountDownLatch released = new CountDownLatch(1);

        @Override
        public void append(List<AuditEntry> entries, boolean skipKnown) throws SQLException {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.append(entries, skipKnown);
        }
    }

    @Test
    void aFullBufferNeverMakesTheDecidingThreadWaitAndLosesNothing() throws Exception {
        StuckStore store = new StuckStore();
        AuditWriter.Settings small = new AuditWriter.Settings(64, 16, 10, 50);
        try (AuditWriter writer = new AuditWriter(small, store, new Journal(folder))) {
            // the store holds the loader from the start; the 64-record buffer overflows between the journal's ticks
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> submit(writer, 0, 5_000));
            assertTrue(writer.spilledRecords() > 0, "the deciding thread journaled records itself");
            assertEquals(5_000, writer.backlog() + store.ids().size());
            store.released.countDown();
            await(() -> store.ids().size() == 5_000);
            assertEquals(0, writer.lostRecords());
        }
        assertEquals(5_000, store.ids().stream().distinct().count());
        assertEquals(new HashSet<>(ids(0, 5_000)), new HashSet<>(store.ids()));
    }

    /** The documented crash bound: a record is durable one flush interval (plus a write) after it was handed over. */
    @Test
    void aRecordIsInTheDatabaseWithinTheFlushIntervalWithoutAStop() throws Exception {
        AuditDatabase database = AuditDatabase.embedded(folder);
        JdbcAuditStore store = new JdbcAuditStore(database, AuditSchema::migrate);
        AuditWriter writer = new AuditWriter(new AuditWriter.Settings(1_000, 100, 200, 1_000), store,
                new Journal(folder.resolve("spill")));
        await(() -> writer.storeReachable() && writer.recordedRecords() == 0 && tablesExist(database));
        writer.submit(new PendingRecord.Ready(JournalTest.deployment("durable")));
        long handedOver = System.nanoTime();
        AuditQueries queries = new AuditQueries(database);
        await(() -> count(queries) == 1);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - handedOver);
        // a lone record in a 100-record batch is written by the interval, not by a full batch or a stop;
        // the slack covers a loaded CI machine, the bound itself is documented and measured, not timed here
        assertTrue(millis < 200 + 4_800, "durable after " + millis + " ms");
        writer.close();
        store.close();
    }

    private static boolean tablesExist(AuditDatabase database) {
        return count(new AuditQueries(database)) >= 0;
    }

    private static long count(AuditQueries queries) {
        try {
            return queries.count(AuditTable.DEPLOYMENTS);
        } catch (SQLException notYet) {
            return -1;
        }
    }

    private static void submit(AuditWriter writer, int from, int to) {
        JournalTest.deployments(from, to).forEach(e -> writer.submit(new PendingRecord.Ready(e)));
    }

    private static List<String> ids(int from, int to) {
        return JournalTest.deployments(from, to).stream().map(AuditEntry::id).toList();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
