package dev.tandem.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit tables over plain JDBC. One connection writes (the writer's thread is the only caller
 * of {@link #append}); reads open their own connection, so a query never waits for a batch.
 */
final class JdbcAuditStore implements AuditStore, AutoCloseable {
    static final int WRITE_TIMEOUT_SECONDS = 10;

    /** Brings the schema up to date before the first write; the CLI only reads and passes none. */
    @FunctionalInterface
    interface SchemaMigration {
        SchemaMigration NONE = database -> { };

        void migrate(AuditDatabase database) throws SQLException;
    }

    private final AuditDatabase database;
    private final SchemaMigration migration;
    private boolean migrated;
    private Connection writer;
    /** Per open writer connection: the insert statements and the last link of each chain, read once. */
    private final Map<AuditTable, PreparedStatement> inserts = new EnumMap<>(AuditTable.class);
    private final Map<AuditTable, ChainLink> heads = new EnumMap<>(AuditTable.class);

    JdbcAuditStore(AuditDatabase database, SchemaMigration migration) {
        this.database = database;
        this.migration = migration;
    }

    AuditDatabase database() {
        return database;
    }

    @Override
    public void append(List<AuditEntry> entries, boolean skipKnown) throws SQLException {
        Connection connection = writer();
        if (entries.isEmpty()) {
            return;
        }
        try {
            List<AuditEntry> fresh = skipKnown ? unknown(connection, entries) : entries;
            Map<AuditTable, ChainLink> newHeads = insertChained(connection, fresh);
            connection.commit();
            heads.putAll(newHeads);
        } catch (SQLException | RuntimeException e) {
            closeWriter();
            throw e;
        }
    }

    /**
     * The embedded H2 writes commits to its file in the background (WRITE_DELAY, 500 ms): CHECKPOINT writes
     * them now. A PostgreSQL commit is durable already.
     */
    @Override
    public void forceCommitted() throws SQLException {
        if (database.isPostgreSql()) {
            return;
        }
        try (Statement checkpoint = writer().createStatement()) {
            checkpoint.execute("CHECKPOINT");
        } catch (SQLException e) {
            closeWriter();
            throw e;
        }
    }

    /** Binds every entry to its chain and executes one batch per table; the new heads count once committed. */
    private Map<AuditTable, ChainLink> insertChained(Connection connection, List<AuditEntry> entries)
            throws SQLException {
        Map<AuditTable, ChainLink> newHeads = new EnumMap<>(AuditTable.class);
        for (AuditEntry entry : entries) {
            AuditTable table = entry.table();
            ChainLink head = newHeads.containsKey(table) ? newHeads.get(table) : head(connection, table);
            ChainLink link = head.next(entry);
            PreparedStatement insert = insert(connection, table);
            bind(insert, entry, head, link);
            insert.addBatch();
            newHeads.put(table, link);
        }
        for (AuditTable table : newHeads.keySet()) {
            inserts.get(table).executeBatch();
        }
        return newHeads;
    }

    private ChainLink head(Connection connection, AuditTable table) throws SQLException {
        ChainLink known = heads.get(table);
        if (known != null) {
            return known;
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT seq, hash FROM " + table.table() + " ORDER BY seq DESC LIMIT 1")) {
            ChainLink head = row.next() ? new ChainLink(row.getLong(1), row.getString(2)) : ChainLink.START;
            heads.put(table, head);
            return head;
        }
    }

    private PreparedStatement insert(Connection connection, AuditTable table) throws SQLException {
        PreparedStatement insert = inserts.get(table);
        if (insert == null) {
            insert = connection.prepareStatement(insertSql(table));
            insert.setQueryTimeout(WRITE_TIMEOUT_SECONDS);
            inserts.put(table, insert);
        }
        return insert;
    }

    private static void bind(PreparedStatement insert, AuditEntry entry, ChainLink previous, ChainLink link)
            throws SQLException {
        insert.setLong(1, link.sequence());
        List<String> values = entry.values();
        for (int i = 0; i < values.size(); i++) {
            bindValue(insert, i + 2, values.get(i), entry.table().isNumeric(i));
        }
        insert.setString(values.size() + 2, previous.hash());
        insert.setString(values.size() + 3, link.hash());
    }

    private static void bindValue(PreparedStatement insert, int index, String value, boolean numeric)
            throws SQLException {
        if (value == null) {
            insert.setNull(index, numeric ? Types.BIGINT : Types.VARCHAR);
        } else if (numeric) {
            insert.setLong(index, Long.parseLong(value));
        } else {
            insert.setString(index, value);
        }
    }

    private static String insertSql(AuditTable table) {
        String columns = String.join(", ", table.columns());
        String marks = "?, ".repeat(table.columns().size() + 2) + "?";
        return "INSERT INTO " + table.table() + " (seq, " + columns + ", prev_hash, hash) VALUES (" + marks + ")";
    }

    private static List<AuditEntry> unknown(Connection connection, List<AuditEntry> entries) throws SQLException {
        Map<AuditTable, Set<String>> known = new EnumMap<>(AuditTable.class);
        for (AuditTable table : AuditTable.values()) {
            known.put(table, knownIds(connection, table, entries));
        }
        return entries.stream().filter(e -> !known.get(e.table()).contains(e.id())).toList();
    }

    private static Set<String> knownIds(Connection connection, AuditTable table, List<AuditEntry> entries)
            throws SQLException {
        List<String> ids = entries.stream().filter(e -> e.table() == table).map(AuditEntry::id).toList();
        Set<String> known = new HashSet<>();
        if (ids.isEmpty()) {
            return known;
        }
        String sql = "SELECT " + table.idColumn() + " FROM " + table.table() + " WHERE " + table.idColumn()
                + " IN (" + "?, ".repeat(ids.size() - 1) + "?)";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                query.setString(i + 1, ids.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    known.add(rows.getString(1));
                }
            }
        }
        return known;
    }

    /** Whether the database answers now; opens the writer's connection if needed. */
    boolean reachable() {
        try {
            return writer().isValid(2);
        } catch (SQLException e) {
            closeWriter();
            return false;
        }
    }

    private Connection writer() throws SQLException {
        if (!migrated) {
            // done here rather than at start, so that an engine started while the database is down still decides
            migration.migrate(database);
            migrated = true;
        }
        if (writer == null || writer.isClosed()) {
            writer = database.connect();
            writer.setAutoCommit(false);
        }
        return writer;
    }

    /** Forgets the connection and everything tied to it: the next batch reads the chain heads afresh. */
    private void closeWriter() {
        inserts.clear();
        heads.clear();
        if (writer != null) {
            try {
                writer.close();
            } catch (SQLException ignored) {
                // the connection is broken already; a new one is opened on the next batch
            }
            writer = null;
        }
    }

    @Override
    public void close() {
        closeWriter();
    }

    static List<String> values(ResultSet row, AuditTable table) throws SQLException {
        List<String> values = new ArrayList<>(table.columns().size());
        for (int i = 0; i < table.columns().size(); i++) {
            values.add(row.getString(table.columns().get(i)));
        }
        return values;
    }
}
