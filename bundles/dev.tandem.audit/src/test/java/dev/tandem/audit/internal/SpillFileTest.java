package dev.tandem.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillFileTest {
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

    @Test
    void recordsComeBackInOrderWithEveryValueIntact() throws Exception {
        SpillFile spill = new SpillFile(folder);
        spill.append(deployments(0, 3));
        spill.append(deployments(3, 5));

        SpillFile.Chunk chunk = spill.read(10);
        assertEquals(deployments(0, 5), chunk.entries());
        assertEquals(5, spill.pending());
    }

    @Test
    void replayGoesOnWhereItStoppedAcrossARestart() throws Exception {
        SpillFile spill = new SpillFile(folder);
        spill.append(deployments(0, 5));
        spill.replayed(spill.read(2));

        SpillFile reopened = new SpillFile(folder);
        assertEquals(3, reopened.pending());
        assertEquals(deployments(2, 5), reopened.read(10).entries());
    }

    @Test
    void whenEverythingIsReplayedTheFileStartsOver() throws Exception {
        SpillFile spill = new SpillFile(folder);
        spill.append(deployments(0, 2));
        spill.replayed(spill.read(10));

        assertFalse(spill.hasPending());
        assertFalse(Files.exists(folder.resolve("spill.jsonl")));
        spill.append(deployments(7, 8));
        assertEquals(deployments(7, 8), new SpillFile(folder).read(10).entries());
    }

    @Test
    void aLineTornByACrashIsIgnoredAndOverwritten() throws Exception {
        SpillFile spill = new SpillFile(folder);
        spill.append(deployments(0, 2));
        Files.writeString(folder.resolve("spill.jsonl"), "{\"table\":\"DEPLOY", StandardCharsets.US_ASCII,
                StandardOpenOption.APPEND);

        SpillFile reopened = new SpillFile(folder);
        assertEquals(2, reopened.pending());
        reopened.append(deployments(2, 3));
        assertEquals(deployments(0, 3), reopened.read(10).entries());
        assertTrue(Files.readString(folder.resolve("spill.jsonl")).endsWith("\n"));
    }
}
