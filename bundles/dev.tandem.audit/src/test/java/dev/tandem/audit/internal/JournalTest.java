package dev.tandem.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tandem.api.Reason;
import dev.tandem.api.Route;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.RulesetRef;

class JournalTest {
    @TempDir
    Path folder;

    static AuditEntry deployment(String id) {
        return new AuditEntry(AuditTable.DEPLOYMENTS, Arrays.asList(id, "DEPLOYED", "rules.x", null, "1.0.0",
                "ana \u00e9\u4e2d", "1700000000000", "[\"line, with \\\"quotes\\\"\\nand newline\"]"));
    }

    static List<AuditEntry> deployments(int from, int to) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = from; i < to; i++) {
            entries.add(deployment("e-" + i));
        }
        return entries;
    }

    static Frames frames(List<AuditEntry> entries) {
        Frames frames = new Frames(64);
        entries.forEach(e -> frames.add(new PendingRecord.Ready(e)));
        return frames;
    }

    @Test
    void recordsComeBackInOrderWithEveryValueIntact() throws Exception {
        Journal journal = new Journal(folder);
        journal.append(frames(deployments(0, 3)));
        journal.append(frames(deployments(3, 5)));

        assertEquals(deployments(0, 5), journal.read(10).entries());
        assertEquals(5, journal.pending());
    }

    @Test
    void recordsTheDecidingThreadsAppendedComeBeforeTheNextWrite() throws Exception {
        Journal journal = new Journal(folder);
        journal.append(frames(deployments(0, 2)));
        journal.appendLater(frames(deployments(2, 3)));
        journal.append(frames(deployments(3, 4)));
        journal.appendLater(frames(deployments(4, 5)));

        assertEquals(deployments(0, 5), journal.read(10).entries());
        assertEquals(5, journal.pending());
    }

    @Test
    void replayGoesOnWhereItStoppedAcrossARestart() throws Exception {
        Journal journal = new Journal(folder);
        journal.append(frames(deployments(0, 5)));
        journal.replayed(journal.read(2));
        journal.close();

        Journal reopened = new Journal(folder);
        assertEquals(3, reopened.pending());
        assertEquals(deployments(2, 5), reopened.read(10).entries());
    }

    @Test
    void whenEverythingIsReplayedTheFileStartsOver() throws Exception {
        Journal journal = new Journal(folder);
        journal.append(frames(deployments(0, 2)));
        journal.replayed(journal.read(10));

        assertFalse(journal.hasPending());
        assertEquals(0, Files.size(folder.resolve(Journal.FILE_NAME)));
        journal.append(frames(deployments(7, 8)));
        journal.close();
        assertEquals(deployments(7, 8), new Journal(folder).read(10).entries());
    }

    @Test
    void aFrameTornByACrashIsCutOffAndOverwritten() throws Exception {
        Journal journal = new Journal(folder);
        journal.append(frames(deployments(0, 2)));
        journal.close();
        Frames torn = frames(deployments(2, 3));
        Files.write(folder.resolve(Journal.FILE_NAME), Arrays.copyOf(torn.bytes(), torn.length() - 3),
                StandardOpenOption.APPEND);

        Journal reopened = new Journal(folder);
        assertEquals(2, reopened.pending());
        reopened.append(frames(deployments(3, 4)));
        assertEquals(List.of(deployments(0, 2).get(0), deployments(0, 2).get(1), deployment("e-3")),
                reopened.read(10).entries());
    }

    /** An upgrade loses nothing: what the old spill file still holds past its offset moves into the journal. */
    @Test
    void theOldSpillFilesUnreplayedRecordsMoveIntoTheJournalInOrder() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (AuditEntry entry : deployments(0, 3)) {
            lines.append(AuditEntries.JSON.writeValueAsString(Map.of("table", "DEPLOYMENTS", "values",
                    entry.values()))).append('\n');
        }
        String firstLine = lines.substring(0, lines.indexOf("\n") + 1);
        lines.append("{\"table\":\"DEPLOY");
        Files.writeString(folder.resolve("spill.jsonl"), lines);
        Files.writeString(folder.resolve("spill.offset"), Integer.toString(firstLine.getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length));
        Journal journal = new Journal(folder);
        journal.append(frames(deployments(7, 8)));

        LegacySpillFile.moveInto(journal, folder);

        assertEquals(List.of(deployment("e-7"), deployment("e-1"), deployment("e-2")), journal.read(10).entries());
        assertFalse(Files.exists(folder.resolve("spill.jsonl")));
        assertFalse(Files.exists(folder.resolve("spill.offset")));
    }

    @Test
    void aDecisionComesBackAsTheRowItWouldHaveMadeAtOnce() {
        Map<String, Object> signals = new LinkedHashMap<>();
        signals.put("intent", "contact_human_agent");
        signals.put("humanRequest", 0.97);
        signals.put("anger", 0.25f);
        signals.put("repeats", 3);
        signals.put("messages", 12L);
        signals.put("vip", true);
        signals.put("topics", List.of("billing", "fraud \u4e2d"));
        RoutingDecision decision = new RoutingDecision("d-1", "c-123", Route.HUMAN, "general", 80,
                List.of("english"), "en", List.of(new Reason("customer asks for a human", "human-request 0.97")),
                signals, new RulesetRef("rules.escalation-default", "1.0.3"), List.of("a", "b"), null, 417);
        PendingRecord.Decision record = new PendingRecord.Decision(decision, "chat", "a real person, pl\u00e9ase",
                1_700_000_000_123L);
        RoutingDecision bare = new RoutingDecision("d-2", "c-9", null, null, 0, List.of(), null, List.of(),
                Map.of(), null, List.of(), "no active ruleset", 5);
        PendingRecord.Decision failSafe = new PendingRecord.Decision(bare, null, null, 1L);

        assertEquals(record.toEntry(), roundTrip(record));
        assertEquals(failSafe.toEntry(), roundTrip(failSafe));
    }

    private static AuditEntry roundTrip(PendingRecord record) {
        Frames frames = new Frames(16);
        frames.add(record);
        ByteBuffer in = ByteBuffer.wrap(frames.bytes(), 0, frames.length());
        return RecordCodec.decode(Frames.next(in, new java.util.zip.CRC32C()));
    }
}
