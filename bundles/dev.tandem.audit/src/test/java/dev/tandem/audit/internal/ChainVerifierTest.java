package dev.tandem.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash chain on a real H2 database, migrated by Flyway as in the engine. */
class ChainVerifierTest {
    @TempDir
    Path data;
    AuditDatabase database;
    JdbcAuditStore store;

    @BeforeEach
    void migrate() throws Exception {
        database = AuditDatabase.embedded(data);
        store = new JdbcAuditStore(database, AuditSchema::migrate);
        store.append(JournalTest.deployments(0, 10), false);
    }

    @Test
    void anUntouchedChainVerifies() throws Exception {
        ChainVerifier.Result result = ChainVerifier.verify(database, AuditTable.DEPLOYMENTS);
        assertEquals(10, result.checked());
        assertTrue(result.firstBreak().isEmpty());
    }

    @Test
    void hashesDependOnThePreviousRecord() {
        List<String> values = JournalTest.deployment("x").values();
        assertNotEquals(HashChain.hash(HashChain.GENESIS, 1, values), HashChain.hash("1".repeat(64), 1, values));
        assertNotEquals(HashChain.hash(HashChain.GENESIS, 1, values), HashChain.hash(HashChain.GENESIS, 2, values));
    }

    @Test
    void anEditedRecordIsTheFirstBreak() throws Exception {
        execute("UPDATE audit_deployment SET actor = 'mallory' WHERE seq = 4");
        ChainVerifier.Break first = ChainVerifier.verify(database, AuditTable.DEPLOYMENTS).firstBreak().orElseThrow();
        assertEquals(4, first.sequence());
        assertEquals("e-3", first.id());
        assertTrue(first.problem().contains("changed"), first.problem());
    }

    @Test
    void aDeletedRecordBreaksTheChainWhereItWas() throws Exception {
        execute("DELETE FROM audit_deployment WHERE seq = 6");
        assertEquals(7, ChainVerifier.verify(database, AuditTable.DEPLOYMENTS).firstBreak().orElseThrow().sequence());
    }

    @Test
    void aRehashedRecordStillBreaksTheNextOne() throws Exception {
        List<String> forged = new java.util.ArrayList<>(JournalTest.deployment("e-4").values());
        forged.set(AuditTable.DEPLOYMENTS.indexOf("actor"), "mallory");
        String previous = query("SELECT hash FROM audit_deployment WHERE seq = 4");
        execute("UPDATE audit_deployment SET actor = 'mallory', hash = '" + HashChain.hash(previous, 5, forged)
                + "' WHERE seq = 5");
        assertEquals(6, ChainVerifier.verify(database, AuditTable.DEPLOYMENTS).firstBreak().orElseThrow().sequence());
    }

    @Test
    void replayedRecordsAlreadyStoredAreSkipped() throws Exception {
        store.append(JournalTest.deployments(8, 12), true);
        AuditQueries queries = new AuditQueries(database);
        assertEquals(12, queries.count(AuditTable.DEPLOYMENTS));
        assertTrue(ChainVerifier.verify(database, AuditTable.DEPLOYMENTS).firstBreak().isEmpty());
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private String query(String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             var row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
