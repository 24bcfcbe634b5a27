package dev.tandem.audit.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Loads the database from the journal, on its own thread, in the order the records were journaled: chunks
 * of ten batches, one transaction per batch, the journal's offset moved once the database has the chunk on
 * disk. It loads while the deciding threads are quiet enough for the database to keep up; under a higher
 * load the database would only take the machine from the deciders and fall behind all the same, so the
 * journal holds the records and the database catches up once the load drops. While the database is down
 * it tries again every retry interval.
 */
final class JournalLoader implements AutoCloseable {
    private static final Logger LOG = System.getLogger(JournalLoader.class.getName());
    private static final int CHUNK_BATCHES = 10;
    private static final long FINAL_LOAD_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final AuditWriter.Settings settings;
    private final AuditStore store;
    private final Journal journal;
    private final BooleanSupplier quiet;
    private final Thread thread;
    private final AtomicLong recorded = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean reachable = true;
    private volatile String lastError;
    private long nextRetryNanos;
    private long unreadableUntilNanos;
    private long finalLoadDeadline;
    private long lastLoadNanos = System.nanoTime();
    /**
     * Whether journaled records may be in the store already: after a crash between commit and offset update,
     * or a failed write whose commit may have gone through. Only then does a load look for them.
     */
    private boolean mayBeStoredAlready = true;

    JournalLoader(AuditWriter.Settings settings, AuditStore store, Journal journal, BooleanSupplier quiet) {
        this.settings = settings;
        this.store = store;
        this.journal = journal;
        this.quiet = quiet;
        this.thread = new Thread(this::run, "tandem-audit-loader");
        thread.setDaemon(true);
        thread.start();
    }

    long recordedRecords() {
        return recorded.get();
    }

    boolean reachable() {
        return reachable;
    }

    String lastError() {
        return lastError;
    }

    /** Whether records journaled now go on into the database without waiting for the load to drop. */
    boolean taking() {
        return reachable && quiet.getAsBoolean();
    }

    private void run() {
        connect();
        while (running) {
            if (loadDue()) {
                load();
            } else {
                pause();
            }
        }
        finalLoadDeadline = System.nanoTime() + FINAL_LOAD_NANOS;
        while (journal.hasPending() && reachable && System.nanoTime() < finalLoadDeadline
                && System.nanoTime() >= unreadableUntilNanos) {
            load();
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

    /** A batch waits, or the oldest record has waited a flush interval, and the database can take them. */
    private boolean loadDue() {
        if (!journal.hasPending() || !retryDue() || !quiet.getAsBoolean() || System.nanoTime() < unreadableUntilNanos) {
            return false;
        }
        return journal.pending() >= settings.batchSize()
                || System.nanoTime() - lastLoadNanos >= TimeUnit.MILLISECONDS.toNanos(settings.flushIntervalMillis());
    }

    private void pause() {
        try {
            Thread.sleep(AuditWriter.TICK_MILLIS);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    /**
     * Loads a chunk batch by batch; when the deciders get busy in between (or the loader is stopping and its
     * time is up) it stops after the batch, and the offset moves past what was loaded.
     */
    private void load() {
        lastLoadNanos = System.nanoTime();
        try {
            Journal.Chunk chunk = journal.read(settings.batchSize() * CHUNK_BATCHES);
            List<AuditEntry> entries = chunk.entries();
            int loaded = 0;
            while (loaded < entries.size() && (loaded == 0 || mayGoOn())) {
                int to = Math.min(entries.size(), loaded + settings.batchSize());
                store.append(entries.subList(loaded, to), mayBeStoredAlready);
                loaded = to;
            }
            mayBeStoredAlready = true; // until the offset is saved: a failure in between loads the chunk again
            store.forceCommitted();
            markLoaded(chunk.first(loaded));
            mayBeStoredAlready = false;
            up();
        } catch (SQLException | RuntimeException e) {
            down(e);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot read the audit journal; trying again later", e);
            unreadableUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.retryIntervalMillis());
        }
    }

    private boolean mayGoOn() {
        return running ? quiet.getAsBoolean() : System.nanoTime() < finalLoadDeadline;
    }

    /** Counts the chunk as recorded before it leaves the journal, so that the backlog never dips. */
    private void markLoaded(Journal.Chunk chunk) throws IOException {
        recorded.addAndGet(chunk.entries().size());
        try {
            journal.replayed(chunk);
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
            LOG.log(Level.WARNING, "audit database unreachable, records wait in the journal: " + e.getMessage());
        }
        reachable = false;
        mayBeStoredAlready = true;
        lastError = e.getMessage();
        nextRetryNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.retryIntervalMillis());
    }

    /** Loads what the journal holds, for a while, if the database answers; the rest waits for the next start. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
