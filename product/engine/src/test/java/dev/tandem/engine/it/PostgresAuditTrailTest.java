package dev.tandem.engine.it;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;

/** The audit trail on a real PostgreSQL server, a throwaway cluster under target/. */
class PostgresAuditTrailTest extends AuditTrailContract {
    @BeforeAll
    void startEngine() throws Exception {
        Path folder = Path.of("target", "audit-postgres-" + ProcessHandle.current().pid()).toAbsolutePath();
        start(folder);
    }

    @Override
    AuditDatabaseServer startDatabase(Path databaseFolder) throws Exception {
        return new PostgresServer(databaseFolder);
    }
}
