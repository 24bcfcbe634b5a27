package dev.tandem.audit.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The first schema: two hash-chained tables. A Java migration, handed to Flyway directly,
 * because Flyway cannot scan an OSGi bundle's class path for SQL files. Types are the
 * ones H2 and PostgreSQL share; times are epoch milliseconds, so that hashing is exact.
 */
public class V1__Audit_tables extends BaseJavaMigration {
    static final List<String> STATEMENTS = List.of(
            """
            CREATE TABLE audit_decision (
              seq BIGINT PRIMARY KEY,
              decision_id VARCHAR(64) NOT NULL UNIQUE,
              interaction_id VARCHAR(512) NOT NULL,
              at_millis BIGINT NOT NULL,
              channel VARCHAR(128),
              language VARCHAR(32),
              route VARCHAR(16),
              queue VARCHAR(128),
              priority BIGINT NOT NULL,
              skills VARCHAR,
              reasons VARCHAR,
              signals VARCHAR,
              fired_rules VARCHAR,
              ruleset_name VARCHAR(512),
              ruleset_version VARCHAR(128),
              latency_micros BIGINT NOT NULL,
              fail_safe VARCHAR,
              message_text VARCHAR,
              prev_hash CHAR(64) NOT NULL,
              hash CHAR(64) NOT NULL)""",
            "CREATE INDEX audit_decision_interaction ON audit_decision (interaction_id)",
            "CREATE INDEX audit_decision_at ON audit_decision (at_millis)",
            """
            CREATE TABLE audit_deployment (
              seq BIGINT PRIMARY KEY,
              event_id VARCHAR(64) NOT NULL UNIQUE,
              kind VARCHAR(32) NOT NULL,
              ruleset VARCHAR(512),
              from_version VARCHAR(128),
              to_version VARCHAR(128),
              actor VARCHAR(256),
              at_millis BIGINT NOT NULL,
              problems VARCHAR,
              prev_hash CHAR(64) NOT NULL,
              hash CHAR(64) NOT NULL)""");

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
    }
}
