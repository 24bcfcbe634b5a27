package dev.tandem.audit.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.flywaydb.core.api.FlywayException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import dev.tandem.api.DecisionListener;
import dev.tandem.api.DeploymentEvent;
import dev.tandem.api.DeploymentListener;
import dev.tandem.api.Interaction;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.audit.AuditLog;
import dev.tandem.api.audit.AuditStatus;
import dev.tandem.api.audit.DecisionQuery;
import dev.tandem.api.audit.DecisionRecord;
import dev.tandem.api.audit.DeploymentRecord;

/**
 * Records every decision and deployment event in the audit database, off the deciding thread,
 * and answers queries over it. Configuration PID {@code dev.tandem.audit}.
 */
@Component(service = {AuditLog.class, DecisionListener.class, DeploymentListener.class},
        configurationPid = AuditRecorder.PID)
@Designate(ocd = AuditRecorder.Config.class)
public class AuditRecorder implements AuditLog, DecisionListener, DeploymentListener {
    static final String PID = "dev.tandem.audit";
    /** Framework property that {@code tandem start --audit-url} sets. */
    static final String URL_PROPERTY = "tandem.audit.url";
    private static final Logger LOG = System.getLogger(AuditRecorder.class.getName());
    private static final long PROBE_CACHE_NANOS = 2_000_000_000L;

    @ObjectClassDefinition(name = "Tandem audit trail")
    public @interface Config {
        @AttributeDefinition(description = "JDBC URL (jdbc:h2:... or jdbc:postgresql:...); empty: the framework "
                + "property tandem.audit.url, else an H2 file under the data folder")
        String url() default "";

        @AttributeDefinition(description = "Database user, when not in the URL")
        String user() default "";

        @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
                description = "Database password, when not in the URL")
        String password() default "";

        @AttributeDefinition(description = "Keep the last customer message text in each record (off for privacy)")
        boolean recordMessageText() default false;

        @AttributeDefinition(description = "Records held in memory before the deciding threads journal them themselves")
        int bufferCapacity() default 65_536;

        @AttributeDefinition(description = "Most records written in one transaction")
        int batchSize() default 500;

        @AttributeDefinition(description = "Longest time before a record is forced to the journal on disk, ms: "
                + "what a crash of the machine can lose")
        long flushIntervalMillis() default 200;

        @AttributeDefinition(description = "The database is loaded from the journal while fewer records than this "
                + "arrive per second; above it the journal holds them and the database catches up when the load drops")
        long databaseLoadBelowPerSecond() default AuditWriter.Settings.LOAD_BELOW_PER_SECOND;

        @AttributeDefinition(description = "Pause between attempts to reach an unreachable database, ms")
        long retryIntervalMillis() default 1_000;

        @AttributeDefinition(description = "Data folder; empty: the framework property tandem.data, else ./var")
        String dataFolder() default "";
    }

    private AuditDatabase database;
    private JdbcAuditStore store;
    private AuditQueries queries;
    private AuditWriter writer;
    private AuditServer server;
    private boolean recordMessageText;
    private volatile long probedAt;
    private volatile boolean probeAnswer;

    @Activate
    void activate(BundleContext context, Config config) throws IOException {
        Path dataFolder = dataFolder(context, config);
        String url = config.url().isBlank() ? context.getProperty(URL_PROPERTY) : config.url();
        database = AuditDatabase.of(url, config.user(), config.password(), dataFolder);
        recordMessageText = config.recordMessageText();
        store = new JdbcAuditStore(database, AuditRecorder::migrate);
        queries = new AuditQueries(database);
        Journal journal = new Journal(dataFolder.resolve("audit"));
        LegacySpillFile.moveInto(journal, dataFolder.resolve("audit"));
        writer = new AuditWriter(new AuditWriter.Settings(config.bufferCapacity(), config.batchSize(),
                config.flushIntervalMillis(), config.retryIntervalMillis(), config.databaseLoadBelowPerSecond()),
                store, journal);
        if (url == null || url.isBlank()) {
            server = serve(dataFolder);
        }
        LOG.log(Level.INFO, "audit trail in " + database.describe());
    }

    /** The CLI's way into the embedded database while the engine has it open; the engine works without it. */
    private static AuditServer serve(Path dataFolder) {
        try {
            return AuditServer.start(AuditDatabase.embeddedFolder(dataFolder));
        } catch (SQLException | IOException e) {
            LOG.log(Level.WARNING, "tandem audit cannot read the audit trail while the engine runs: " + e.getMessage());
            return null;
        }
    }

    /** Journals what is buffered and loads what the database can take, then lets the database close. */
    @Deactivate
    void deactivate() throws InterruptedException, IOException {
        writer.close();
        if (server != null) {
            server.close();
        }
        store.close();
    }

    private static void migrate(AuditDatabase database) throws SQLException {
        try {
            AuditSchema.migrate(database);
        } catch (FlywayException e) {
            throw new SQLException("cannot bring the audit schema up to date: " + e.getMessage(), e);
        }
    }

    @Override
    public void decided(Interaction interaction, RoutingDecision decision) {
        writer.submit(PendingRecord.Decision.of(interaction, decision, System.currentTimeMillis(), recordMessageText));
    }

    @Override
    public void deploymentEvent(DeploymentEvent event) {
        writer.submit(new PendingRecord.Deployment(event));
    }

    @Override
    public Optional<DecisionRecord> decision(String decisionId) {
        return query(() -> queries.decision(decisionId));
    }

    @Override
    public List<DecisionRecord> decisions(DecisionQuery query) {
        return query(() -> queries.decisions(query));
    }

    @Override
    public List<DeploymentRecord> deployments(long afterSequence, int limit) {
        return query(() -> queries.deployments(afterSequence, limit));
    }

    @Override
    public AuditStatus status() {
        return new AuditStatus(writer.backlog(), writer.spilledRecords(), writer.recordedRecords(),
                writer.storeReachable() && probe(), database.describe(), writer.lastError());
    }

    /** A fresh connection, at most every two seconds: the writer may not have written for a while. */
    private boolean probe() {
        long now = System.nanoTime();
        if (now - probedAt > PROBE_CACHE_NANOS) {
            try (Connection connection = database.connect()) {
                probeAnswer = connection.isValid(1);
            } catch (SQLException e) {
                probeAnswer = false;
            }
            probedAt = now;
        }
        return probeAnswer;
    }

    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> T query(Query<T> query) {
        try {
            return query.run();
        } catch (SQLException e) {
            throw new IllegalStateException("the audit database cannot be read: " + e.getMessage(), e);
        }
    }

    private static Path dataFolder(BundleContext context, Config config) {
        if (!config.dataFolder().isEmpty()) {
            return Path.of(config.dataFolder());
        }
        String property = context.getProperty("tandem.data");
        return Path.of(property == null ? "var" : property);
    }
}
