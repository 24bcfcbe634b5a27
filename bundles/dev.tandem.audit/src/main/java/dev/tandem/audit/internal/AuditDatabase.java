package dev.tandem.audit.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the audit lives and how to connect: the driver is chosen by the URL's prefix and called
 * directly, because DriverManager cannot see drivers across OSGi class loaders.
 */
record AuditDatabase(String url, String user, String password) {
    static final String H2 = "jdbc:h2:";
    static final String POSTGRESQL = "jdbc:postgresql:";
    static final String NO_CLOSE_ON_EXIT = "DB_CLOSE_ON_EXIT=FALSE";

    AuditDatabase {
        if (!url.startsWith(H2) && !url.startsWith(POSTGRESQL)) {
            throw new IllegalArgumentException("the audit database must be H2 (jdbc:h2:...) or PostgreSQL "
                    + "(jdbc:postgresql:...), not " + describe(url));
        }
    }

    /**
     * The default: an H2 file in the data folder ({@link AuditServer} lets the CLI read it beside a running
     * engine). H2 must not close it from its own shutdown hook: the engine's hook stops the audit bundle,
     * which writes what is buffered and then closes the database (the last connection closes it).
     */
    static AuditDatabase embedded(Path dataFolder) {
        return new AuditDatabase(H2 + "file:" + embeddedFolder(dataFolder).resolve("audit") + ";" + NO_CLOSE_ON_EXIT,
                "", "");
    }

    static Path embeddedFolder(Path dataFolder) {
        return dataFolder.toAbsolutePath().resolve("audit");
    }

    /** A configured URL, or the embedded default when it is blank. */
    static AuditDatabase of(String url, String user, String password, Path dataFolder) {
        return url == null || url.isBlank() ? embedded(dataFolder)
                : new AuditDatabase(closedByTheEngine(url.strip()), user, password);
    }

    /** A configured embedded H2 database gets the same shutdown order as the default one. */
    private static String closedByTheEngine(String url) {
        boolean embeddedH2 = url.startsWith(H2) && !url.startsWith(H2 + "tcp:") && !url.startsWith(H2 + "ssl:")
                && !url.startsWith(H2 + "mem:");
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        // H2 refuses AUTO_SERVER without its own shutdown hook
        return embeddedH2 && !upper.contains("DB_CLOSE_ON_EXIT") && !upper.contains("AUTO_SERVER")
                ? url + ";" + NO_CLOSE_ON_EXIT : url;
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        Connection connection = driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("no driver accepts " + describe(url));
        }
        return connection;
    }

    boolean isPostgreSql() {
        return url.startsWith(POSTGRESQL);
    }

    private Driver driver() {
        return isPostgreSql() ? new org.postgresql.Driver() : new org.h2.Driver();
    }

    /** The URL without anything that looks like a credential, for logs, health and errors. */
    String describe() {
        return describe(url);
    }

    static String describe(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
