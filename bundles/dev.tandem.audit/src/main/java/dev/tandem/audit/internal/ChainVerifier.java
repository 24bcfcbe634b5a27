package dev.tandem.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Recomputes a table's hash chain from the stored rows and names the first record that does not fit. */
final class ChainVerifier {
    private static final int FETCH_SIZE = 1_000;

    /** The first break: which record, and what is wrong with it. */
    record Break(AuditTable table, long sequence, String id, String problem) {
        @Override
        public String toString() {
            return table.table() + " record " + sequence + " (" + table.idColumn() + " " + id + "): " + problem;
        }
    }

    /** How many records were checked, and the first break if any. */
    record Result(AuditTable table, long checked, Optional<Break> firstBreak) {
    }

    private ChainVerifier() {
    }

    static Result verify(AuditDatabase database, AuditTable table) throws SQLException {
        String sql = "SELECT seq, " + String.join(", ", table.columns()) + ", prev_hash, hash FROM "
                + table.table() + " ORDER BY seq";
        try (Connection connection = database.connect()) {
            // PostgreSQL streams rows only inside a transaction
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    return walk(table, rows);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static Result walk(AuditTable table, ResultSet rows) throws SQLException {
        ChainLink previous = ChainLink.START;
        long checked = 0;
        while (rows.next()) {
            long sequence = rows.getLong("seq");
            String id = rows.getString(table.idColumn());
            Optional<String> problem = problem(table, rows, previous, sequence);
            if (problem.isPresent()) {
                return new Result(table, checked, Optional.of(new Break(table, sequence, id, problem.get())));
            }
            previous = new ChainLink(sequence, rows.getString("hash"));
            checked++;
        }
        return new Result(table, checked, Optional.empty());
    }

    private static Optional<String> problem(AuditTable table, ResultSet row, ChainLink previous, long sequence)
            throws SQLException {
        if (sequence != previous.sequence() + 1) {
            return Optional.of("expected sequence " + (previous.sequence() + 1) + ": records are missing");
        }
        if (!previous.hash().equals(row.getString("prev_hash"))) {
            return Optional.of("its previous hash does not match the record before it");
        }
        String expected = HashChain.hash(previous.hash(), sequence, JdbcAuditStore.values(row, table));
        if (!expected.equals(row.getString("hash"))) {
            return Optional.of("its content does not match its hash: the record was changed");
        }
        return Optional.empty();
    }
}
