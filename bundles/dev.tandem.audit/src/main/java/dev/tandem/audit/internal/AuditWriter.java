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
 * Takes records from a bounded buffer on its own thread and writes them in batches. The deciding
 * threads never wait: when the buffer is full they append the record to the spill file themselves.
 * While the store fails or cannot keep up, batches go to the spill file, and everything after them
 * too; once the store answers again the spill file is replayed first, in the order it was written.
 * <p>
 * What a crash can lose: records that are in the buffer or in the spill file's unforced tail (both are
 * written out at least once per flush interval), plus what the database has committed but not yet
 * written to disk (the embedded H2: its write delay, 500 ms). Spilled records are safe once forced.
 */
final class AuditWriter implements AutoCloseable {
    private static final Logger LOG = System.getLogger(AuditWriter.class.getName());
    private static final long REPLAY_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int REPLAY_CHUNK_BATCHES = 10;
    private static final int BEHIND_BATCHES = 4;
    /** How often the writer looks into the buffer; the producers never wake it. */
    private static final long TICK_MILLIS = 5;

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
    private volatile boolean running = true;
    private volatile boolean reachable = true;
    private volatile String lastError;
    private long nextRetryNanos;
    private long unreadableUntilNanos;
    /**
     * Whether spilled records may be in the store already: after a crash between commit and offset update,
     * or a failed write whose commit may have gone through. Only then does replay look for them.
     */
    private boolean mayBeStoredAlready = true;

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
     * Hands a record over without waiting for the database: into the buffer, or when that is full
     * (the writer cannot keep up) straight to the end of the spill file.
     */
    void submit(PendingRecord record) {
        if (!buffer.offer(record)) {
            overflow(record);
        }
    }

    private void overflow(PendingRecord record) {
        try {
            spill.appendUnforced(record.toEntry());
            spilled.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            lost.incrementAndGet();
            LOG.log(Level.ERROR, "audit buffer full and the spill file failed: a record was lost", e);
        }
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
                boolean overloaded = nextBatch(batch);
                write(entries(batch), overloaded);
                syncSpill();
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
        syncSpill();
    }

    /** Opens the store (and brings its schema up to date) before the first record, so queries find tables. */
    private void connect() {
        try {
            store.append(List.of(), false);
        } catch (SQLException | RuntimeException e) {
            down(e);
        }
    }

    /**
     * Collects records until the batch is full or its first record has waited a flush interval.
     * When the store is falling behind, everything in the buffer is taken at once, to go to the spill file.
     *
     * @return whether the store was falling behind
     */
    private boolean nextBatch(List<PendingRecord> batch) throws InterruptedException {
        long deadline = 0;
        while (true) {
            if (fallingBehind()) {
                buffer.drainTo(batch);
                inFlight = batch.size();
                return true;
            }
            buffer.drainTo(batch, settings.batchSize() - batch.size());
            inFlight = batch.size();
            long now = System.nanoTime();
            if (!batch.isEmpty() && deadline == 0) {
                deadline = now + TimeUnit.MILLISECONDS.toNanos(settings.flushIntervalMillis());
            }
            if (batch.size() >= settings.batchSize() || !running || (deadline != 0 && now >= deadline)
                    || (batch.isEmpty() && replayWanted())) {
                return false;
            }
            syncSpill(); // what deciding threads appended is forced within a tick, whatever the store does
            Thread.sleep(TICK_MILLIS);
        }
    }

    private boolean replayWanted() {
        return spill.hasPending() && retryDue() && System.nanoTime() >= unreadableUntilNanos;
    }

    /**
     * Fewer than a batch of new records waiting: the writer has time to replay. Under sustained load the
     * spill file grows instead, and is replayed once the load drops, so the replay never competes with
     * the deciding threads for the machine.
     */
    private boolean keepingUp() {
        return buffer.size() < settings.batchSize();
    }

    /**
     * More than {@link #BEHIND_BATCHES} batches waiting: the store is not keeping up. Records then go to the
     * spill file rather than wait in memory, where a large backlog makes every young collection copy it
     * and stall the deciding threads.
     */
    private boolean fallingBehind() {
        return buffer.size() > settings.batchSize() * BEHIND_BATCHES;
    }

    private static List<AuditEntry> entries(List<PendingRecord> batch) {
        List<AuditEntry> entries = new ArrayList<>(batch.size());
        for (PendingRecord record : batch) {
            entries.add(record.toEntry());
        }
        return entries;
    }

    private void write(List<AuditEntry> entries, boolean overloaded) {
        if (entries.isEmpty()) {
            return;
        }
        if (spill.hasPending() || !retryDue() || overloaded) {
            spill(entries); // appending to the file is much cheaper than the database's indexed inserts
            return;
        }
        try {
            store.append(entries, false);
            recorded.addAndGet(entries.size()); // counted before the backlog drops, so their sum never dips
            inFlight = 0;
            up();
        } catch (SQLException | RuntimeException e) {
            down(e);
            spill(entries);
        }
    }

    private void spill(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            spill.append(entries);
            inFlight = 0; // now counted by the spill file: count each record once in the backlog
            spilled.addAndGet(entries.size());
        } catch (IOException e) {
            lost.addAndGet(entries.size());
            LOG.log(Level.ERROR, "audit store and spill file both failed: " + entries.size() + " records lost", e);
        }
    }

    /** Forces what deciding threads appended to the spill file since the last turn: the crash bound. */
    private void syncSpill() {
        try {
            spill.sync();
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot force the audit spill file to disk", e);
        }
    }

    /**
     * Replays the spill file, while the writer is keeping up with new records, in chunks of {@link #REPLAY_CHUNK_BATCHES} batches, one transaction per batch.
     * The file's offset moves past a chunk only once the store has forced it to disk, so a record that
     * waited in the spill file is never lost however old it is; one force per chunk keeps that cheap.
     */
    private void replayIfDue() {
        long sliceEnd = System.nanoTime() + REPLAY_SLICE_NANOS;
        while (replayWanted() && keepingUp() && System.nanoTime() < sliceEnd) {
            try {
                SpillFile.Chunk chunk = spill.read(settings.batchSize() * REPLAY_CHUNK_BATCHES);
                List<AuditEntry> entries = chunk.entries();
                for (int from = 0; from < entries.size(); from += settings.batchSize()) {
                    store.append(entries.subList(from, Math.min(entries.size(), from + settings.batchSize())),
                            mayBeStoredAlready);
                }
                mayBeStoredAlready = true; // until the offset is saved: a failure in between replays the chunk
                store.forceCommitted();
                markReplayed(chunk);
                mayBeStoredAlready = false;
                up();
            } catch (SQLException | RuntimeException e) {
                down(e);
            } catch (IOException e) {
                LOG.log(Level.ERROR, "cannot read the audit spill file; trying again later", e);
                unreadableUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.retryIntervalMillis());
                return;
            }
        }
    }

    /** Counts the chunk as recorded before it leaves the backlog, so that their sum never dips. */
    private void markReplayed(SpillFile.Chunk chunk) throws IOException {
        recorded.addAndGet(chunk.entries().size());
        try {
            spill.replayed(chunk);
        } catch (IOException e) {
            recorded.addAndGet(-chunk.entries().size());
            throw e;
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
        mayBeStoredAlready = true;
        lastError = e.getMessage();
        nextRetryNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.retryIntervalMillis());
    }

    /** Stops taking records and writes what is buffered: to the store, or to the spill file. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
        List<PendingRecord> late = new ArrayList<>();
        buffer.drainTo(late); // handed over by a decision that finished while the writer stopped
        try {
            spill(entries(late));
            spill.close();
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot close the audit spill file", e);
        }
    }
}
