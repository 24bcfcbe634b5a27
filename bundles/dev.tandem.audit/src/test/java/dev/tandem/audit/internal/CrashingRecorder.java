package dev.tandem.audit.internal;

import java.nio.file.Path;

/**
 * Run by {@link CrashBoundTest} in a JVM of its own, which the test then kills: a writer on a real H2
 * file taking a steady stream of records, with a buffer small enough that some overflow to the spill file.
 * Prints the number of every hundredth record once {@code submit} has returned for it.
 */
final class CrashingRecorder {
    private CrashingRecorder() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long flushIntervalMillis = Long.parseLong(args[1]);
        JdbcAuditStore store = new JdbcAuditStore(AuditDatabase.embedded(folder), AuditSchema::migrate);
        AuditWriter writer = new AuditWriter(new AuditWriter.Settings(256, 100, flushIntervalMillis, 1_000), store,
                new Journal(AuditDatabase.embeddedFolder(folder)));
        System.out.println("started");
        for (int i = 0; ; i++) {
            writer.submit(new PendingRecord.Ready(JournalTest.deployment("r-" + i)));
            if (i % 100 == 0) {
                System.out.println(i);
                System.out.flush();
            }
            if (i % 20 == 0) {
                Thread.sleep(1);
            }
        }
    }
}
