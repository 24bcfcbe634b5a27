package dev.tandem.audit.internal;

import java.sql.SQLException;
import java.util.List;

/** Where the writer puts records: the database in production, anything that may fail in tests. */
interface AuditStore {
    /**
     * Appends the entries to their chains in one transaction, in order.
     *
     * @param skipKnown whether entries whose id is already stored are skipped (replay after a crash)
     */
    void append(List<AuditEntry> entries, boolean skipKnown) throws SQLException;

    /** Makes everything committed so far survive a crash of this process, where a commit alone does not. */
    default void forceCommitted() throws SQLException {
    }
}
