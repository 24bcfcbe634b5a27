package dev.tandem.audit.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Journal first: the deciding threads hand each record to a bounded buffer; one thread takes them every
 * tick, writes them to the {@link Journal} in one write and forces the journal once per flush interval;
 * a {@link JournalLoader} loads the database from the journal behind it. The deciding threads never wait
 * for the database: when the buffer is full (the journal writer cannot keep up) they append the record to
 * the journal themselves.
 * <p>
 * What a crash can lose: the records handed over in the last flush interval, not yet forced to the journal
 * (a crash of the engine alone, not of the machine, loses only the last tick's: the journal is written
 * every tick). Journaled records are never lost: the loader moves the journal's offset past them only once
 * the database has them on disk.
 */
final class AuditWriter implements AutoCloseable {
    private static final Logger LOG = System.getLogger(AuditWriter.class.getName());
    /** How often the journal writer looks into the buffer; the producers never wake it. */
    static final long TICK_MILLIS = 5;
    private static final int FRAME_BYTES = 1 << 20;

    /**
     * @param loadBelowPerSecond the database is loaded while fewer records than this arrive per second; above
     *                           it the journal takes them and the database catches up once the load drops
     */
    record Settings(int capacity, int batchSize, long flushIntervalMillis, long retryIntervalMillis,
                    long loadBelowPerSecond) {
        static final long LOAD_BELOW_PER_SECOND = 20_000;

        Settings(int capacity, int batchSize, long flushIntervalMillis, long retryIntervalMillis) {
            this(capacity, batchSize, flushIntervalMillis, retryIntervalMillis, LOAD_BELOW_PER_SECOND);
        }
    }

    private final Settings settings;
    private final BlockingQueue<PendingRecord> buffer;
    private final Journal journal;
    private final JournalLoader loader;
    private final Thread thread;
    private final long pendingAtStart;
    private final LongAdder accepted = new LongAdder();
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private volatile boolean running = true;
    private final LoadWatch load;

    AuditWriter(Settings settings, AuditStore store, Journal journal) {
        this.settings = settings;
        this.buffer = new ArrayBlockingQueue<>(settings.capacity());
        this.journal = journal;
        this.pendingAtStart = journal.pending();
        this.load = new LoadWatch(settings.loadBelowPerSecond());
        this.loader = new JournalLoader(settings, store, journal, load::quiet);
        this.thread = new Thread(this::run, "tandem-audit-journal");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Hands a record over without waiting for the database: into the buffer, or when that is full
     * (the journal writer cannot keep up) straight to the journal.
     */
    void submit(PendingRecord record) {
        accepted.increment();
        if (!buffer.offer(record)) {
            overflow(record);
        }
    }

    private void overflow(PendingRecord record) {
        try {
            Frames frame = new Frames(1024);
            frame.add(record);
            journal.appendLater(frame);
            overflowed.incrementAndGet();
            spilled.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            lost.incrementAndGet();
            LOG.log(Level.ERROR, "audit buffer full and the journal failed: a record was lost", e);
        }
    }

    /** Records accepted and not yet in the database (buffered, being journaled or in the journal). */
    long backlog() {
        return pendingAtStart + accepted.sum() - loader.recordedRecords() - lost.get();
    }

    /** Records that waited in the journal because the database was down or the load too high for it. */
    long spilledRecords() {
        return spilled.get();
    }

    long recordedRecords() {
        return loader.recordedRecords();
    }

    long lostRecords() {
        return lost.get();
    }

    boolean storeReachable() {
        return loader.reachable();
    }

    String lastError() {
        return loader.lastError();
    }

    private void run() {
        Frames frames = new Frames(FRAME_BYTES);
        List<PendingRecord> batch = new ArrayList<>();
        long flushNanos = TimeUnit.MILLISECONDS.toNanos(settings.flushIntervalMillis());
        long nextForce = System.nanoTime() + flushNanos;
        long overflowedBefore = 0;
        while (running || !buffer.isEmpty()) {
            buffer.drainTo(batch);
            long overflowedNow = overflowed.get();
            long now = System.nanoTime();
            load.arrived(batch.size() + overflowedNow - overflowedBefore, now);
            overflowedBefore = overflowedNow;
            journal(batch, frames);
            if (now >= nextForce) {
                sync();
                nextForce = now + flushNanos;
            }
            if (buffer.size() < settings.capacity() / 4 && !pause()) {
                running = false;
            }
        }
        sync();
    }

    private static boolean pause() {
        try {
            Thread.sleep(TICK_MILLIS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Encodes the records and appends them in one write; a record that cannot be encoded is counted lost. */
    private void journal(List<PendingRecord> batch, Frames frames) {
        if (batch.isEmpty()) {
            return;
        }
        for (PendingRecord record : batch) {
            try {
                frames.add(record);
            } catch (RuntimeException e) {
                lost.incrementAndGet();
                LOG.log(Level.ERROR, "an audit record cannot be journaled and is lost: " + record, e);
            }
        }
        try {
            boolean waiting = !loader.taking();
            journal.append(frames);
            if (waiting) {
                spilled.addAndGet(frames.frames());
            }
        } catch (IOException e) {
            lost.addAndGet(frames.frames());
            LOG.log(Level.ERROR, "cannot write the audit journal: " + frames.frames() + " records lost", e);
        } finally {
            frames.clear();
            batch.clear();
        }
    }

    /** Forces the journal: the crash bound. */
    private void sync() {
        try {
            journal.sync();
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot force the audit journal to disk", e);
        }
    }

    /**
     * Stops taking records, journals and forces what is buffered, then lets the loader take what it can into
     * the database; the rest waits in the journal for the next start.
     */
    @Override
    public void close() throws InterruptedException, IOException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
        List<PendingRecord> late = new ArrayList<>();
        buffer.drainTo(late); // handed over by a decision that finished while the journal writer stopped
        journal(late, new Frames(FRAME_BYTES));
        sync();
        loader.close();
        journal.close();
    }
}
