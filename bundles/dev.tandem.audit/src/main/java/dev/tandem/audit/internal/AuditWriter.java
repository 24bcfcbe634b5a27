package dev.tandem.audit.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes records from a bounded buffer on its own thread and writes them in batches. While the
 * store fails, batches go to the spill file, and everything after them too, so that order is kept;
 * once the store answers again the spill file is replayed first. What a crash can lose is what sits
 * in the buffer: at most one flush interval of records (plus the batch being written).
 */
final class AuditWriter implements AutoCloseable {
    private static final Logger LOG = System.getLogger(AuditWriter.class.getName());
    private static final long REPLAY_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long FULL_BUFFER_WAIT_MILLIS = 1_000;

    record Settings(int capacity, int batchSize, long flushIntervalMillis, long retryIntervalMillis) {
    }

    private final Settings settings;
    private final BlockingQueue<PendingRecord> buffer;
    private final AuditStore store;
    private final SpillFile spill;
    private final Thread thread;
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private volatile int inFlight;
    /** Set by the writer thread for the batch in hand: spill it rather than keep decisions waiting. */
    private boolean overloaded;
    private volatile boolean running = true;
    private volatile boolean reachable = true;
    private volatile String lastError;
    private long nextRetryNanos;

    AuditWriter(Settings settings, AuditStore store, SpillFile spill) {
        this.settings = settings;
        this.buffer = new ArrayBlockingQueue<>(settings.capacity());
        this.store = store;
        this.spill = spill;
        this.thread = new Thread(this::run, "tandem-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Hands a record over without waiting for any I/O. Only a full buffer, meaning that even the spill
     * file cannot keep up, makes the caller wait, and after a second the record is counted as lost.
     */
    void submit(PendingRecord record) {
        if (buffer.offer(record)) {
            return;
        }
        try {
            if (buffer.offer(record, FULL_BUFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lost.incrementAndGet();
        LOG.log(Level.ERROR, "audit buffer full for a second: a record was lost");
    }

    /** Records accepted and not yet in the store. */
    long backlog() {
        return buffer.size() + inFlight + spill.pending();
    }

    long spilledRecords() {
        return spilled.get();
    }

    long recordedRecords() {
        return recorded.get();
    }

    long lostRecords() {
        return lost.get();
    }

    boolean storeReachable() {
        return reachable;
    }

    String lastError() {
        return lastError;
    }

    private void run() {
        connect();
        List<PendingRecord> batch = new ArrayList<>(settings.batchSize());
        while (running || !buffer.isEmpty()) {
            try {
                nextBatch(batch);
                write(entries(batch));
                replayIfDue();
            } catch (InterruptedException e) {
                running = false;
            } catch (RuntimeException e) {
                lost.addAndGet(batch.size());
                LOG.log(Level.ERROR, "audit writer failed on a batch of " + batch.size() + "; it keeps running", e);
            } finally {
                batch.clear();
                inFlight = 0;
            }
        }
    }

    /** Opens the store (and brings its schema up to date) before the first record, so queries find tables. */
    private void connect() {
        try {
            store.append(List.of(), false);
        } catch (SQLException | RuntimeException e) {
            down(e);
        }
    }

    private void nextBatch(List<PendingRecord> batch) throws InterruptedException {
        boolean catchingUp = spill.hasPending() && retryDue();
        long wait = catchingUp ? 0 : settings.flushIntervalMillis();
        PendingRecord first = buffer.poll(wait, TimeUnit.MILLISECONDS);
        overloaded = filledOverHalf();
        if (first != null) {
            batch.add(first);
            buffer.drainTo(batch, overloaded ? Integer.MAX_VALUE : settings.batchSize() - 1);
        }
        inFlight = batch.size();
    }

    /** Decisions arrive faster than the database takes them: the database counts as slow. */
    private boolean filledOverHalf() {
        return buffer.remainingCapacity() < settings.capacity() / 2;
    }

    private static List<AuditEntry> entries(List<PendingRecord> batch) {
        List<AuditEntry> entries = new ArrayList<>(batch.size());
        for (PendingRecord record : batch) {
            entries.add(record.toEntry());
        }
        return entries;
    }

    private void write(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (spill.hasPending() || !retryDue() || overloaded) {
            spill(entries); // appending to the file is much cheaper than the database's indexed inserts
            return;
        }
        try {
            store.append(entries, false);
            inFlight = 0;
            recorded.addAndGet(entries.size());
            up();
        } catch (SQLException | RuntimeException e) {
            down(e);
            spill(entries);
        }
    }

    private void spill(List<AuditEntry> entries) {
        try {
            spill.append(entries);
            inFlight = 0; // now counted by the spill file: count each record once in the backlog
            spilled.addAndGet(entries.size());
        } catch (IOException e) {
            lost.addAndGet(entries.size());
            LOG.log(Level.ERROR, "audit store and spill file both failed: " + entries.size() + " records lost", e);
        }
    }

    private void replayIfDue() {
        long sliceEnd = System.nanoTime() + REPLAY_SLICE_NANOS;
        while (spill.hasPending() && retryDue() && !filledOverHalf() && System.nanoTime() < sliceEnd) {
            try {
                SpillFile.Chunk chunk = spill.read(settings.batchSize());
                store.append(chunk.entries(), true);
                spill.replayed(chunk);
                recorded.addAndGet(chunk.entries().size());
                up();
            } catch (SQLException | RuntimeException e) {
                down(e);
            } catch (IOException e) {
                LOG.log(Level.ERROR, "cannot read the audit spill file", e);
                return;
            }
        }
    }

    private boolean retryDue() {
        return reachable || System.nanoTime() >= nextRetryNanos;
    }

    private void up() {
        if (!reachable) {
            LOG.log(Level.INFO, "audit database reachable again");
        }
        reachable = true;
        lastError = null;
    }

    private void down(Exception e) {
        if (reachable) {
            LOG.log(Level.WARNING, "audit database unreachable, spilling records to disk: " + e.getMessage());
        }
        reachable = false;
        lastError = e.getMessage();
        nextRetryNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.retryIntervalMillis());
    }

    /** Stops taking records and writes what is buffered: to the store, or to the spill file. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
