package dev.tandem.audit.internal;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.ClassicConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the audit schema up to date with Flyway, inside OSGi: migrations are given, not scanned for. */
final class AuditSchema {
    static final String HISTORY_TABLE = "audit_schema_history";

    private AuditSchema() {
    }

    static MigrateResult migrate(AuditDatabase database) {
        ClassLoader bundleLoader = AuditSchema.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Flyway finds its database plugins with ServiceLoader on the context class loader
        thread.setContextClassLoader(bundleLoader);
        try {
            ClassicConfiguration configuration = new ClassicConfiguration(bundleLoader);
            configuration.setDataSource(new DriverDataSource(database));
            configuration.setTable(HISTORY_TABLE);
            configuration.setLocationsAsStrings();
            configuration.setJavaMigrations(new V1__Audit_tables(), new V2__Plain_decision_id_index());
            return new Flyway(configuration).migrate();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
