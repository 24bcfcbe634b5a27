package dev.tandem.engine.it;

import java.sql.Connection;
import java.sql.SQLException;

/** A real database server that the audit tests can stop and start again, as an outage would. */
interface AuditDatabaseServer extends AutoCloseable {
    /** The JDBC URL for {@code tandem start --audit-url}. */
    String url();

    Connection connect() throws SQLException;

    void stop() throws Exception;

    void start() throws Exception;
}
