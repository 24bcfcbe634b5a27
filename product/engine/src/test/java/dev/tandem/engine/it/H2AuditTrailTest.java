package dev.tandem.engine.it;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail on H2, in server mode so that the test can take it away. */
class H2AuditTrailTest extends AuditTrailContract {
    @BeforeAll
    void startEngine(@TempDir Path folder) throws Exception {
        start(folder);
    }

    @Override
    AuditDatabaseServer startDatabase(Path databaseFolder) throws Exception {
        return new H2Server(databaseFolder);
    }
}
