package dev.tandem.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem audit export} over a real H2 file, for both kinds of record. */
class AuditCliTest {
    @TempDir
    Path data;

    @BeforeEach
    void record() throws Exception {
        JdbcAuditStore store = new JdbcAuditStore(AuditDatabase.embedded(data), AuditSchema::migrate);
        store.append(List.of(
                deployment("e-1", "DEPLOYED", "alice", "1700000000000"),
                decision("d-1", "1700000001000"),
                deployment("e-2", "ACCESS_DENIED", "anonymous", "1700000002000"),
                deployment("e-3", "ROLLED_BACK", "bob", "1800000000000")), false);
        store.close();
    }

    private static AuditEntry deployment(String id, String kind, String actor, String atMillis) {
        return new AuditEntry(AuditTable.DEPLOYMENTS, Arrays.asList(id, kind, "rules.x", "1.0.0", "1.1.0", actor,
                atMillis, "[\"POST /api/v1/rulesets from 10.0.0.7, refused\"]"));
    }

    private static AuditEntry decision(String id, String atMillis) {
        return new AuditEntry(AuditTable.DECISIONS, Arrays.asList(id, "c-1", atMillis, "chat", "en", "HUMAN",
                "general", "80", "[]", "[]", "{}", "[\"customer asks for a human\"]", "rules.x", "1.1.0", "120",
                null, null));
    }

    private record Run(int exit, String out) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data";
        all[args.length + 1] = data.toString();
        int exit = AuditCli.run(all, print, print);
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void deploymentsAndAccessAttemptsExportAsCsvWithinTheTimeRange() {
        Run run = run("export", "--kind", "deployments", "--from", "2023-01-01", "--to", "2024-01-01", "--format", "csv");

        assertEquals(0, run.exit(), run.out());
        List<String> lines = run.out().lines().toList();
        assertEquals("sequence,kind,ruleset,fromVersion,toVersion,actor,at,problems,hash", lines.get(0));
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(1).startsWith("1,DEPLOYED,rules.x,1.0.0,1.1.0,alice,2023-11-14T22:13:20Z,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("2,ACCESS_DENIED,rules.x,1.0.0,1.1.0,anonymous,"), lines.get(2));
        assertTrue(lines.get(2).contains("\"POST /api/v1/rulesets from 10.0.0.7, refused\""), lines.get(2));
    }

    @Test
    void deploymentsExportAsJsonLines() {
        Run run = run("export", "--kind", "deployments", "--from", "2000-01-01", "--to", "2100-01-01", "--format",
                "jsonl");

        assertEquals(0, run.exit(), run.out());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(2).contains("\"kind\":\"ROLLED_BACK\"") && lines.get(2).contains("\"actor\":\"bob\""),
                lines.get(2));
    }

    @Test
    void decisionsRemainTheDefaultKind() {
        Run run = run("export", "--from", "2000-01-01", "--to", "2100-01-01", "--format", "csv");

        assertEquals(0, run.exit(), run.out());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(lines.get(1).startsWith("1,d-1,c-1,2023-11-14T22:13:21Z,chat,en,HUMAN,general,80,,"
                + "customer asks for a human,"), lines.get(1));
    }

    @Test
    void anUnknownKindIsAUsageError() {
        Run run = run("export", "--kind", "rulesets", "--from", "2000-01-01", "--to", "2100-01-01");

        assertEquals(2, run.exit());
        assertTrue(run.out().contains("--kind must be decisions or deployments, not rulesets"), run.out());
    }
}
