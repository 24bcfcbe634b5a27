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

    AuditDatabase {
        if (!url.startsWith(H2) && !url.startsWith(POSTGRESQL)) {
            throw new IllegalArgumentException("the audit database must be H2 (jdbc:h2:...) or PostgreSQL "
                    + "(jdbc:postgresql:...), not " + describe(url));
        }
    }

    /** The default: an H2 file in the data folder that a running engine and the CLI can open at once. */
    static AuditDatabase embedded(Path dataFolder) {
        Path file = dataFolder.toAbsolutePath().resolve("audit").resolve("audit");
        return new AuditDatabase(H2 + "file:" + file + ";AUTO_SERVER=TRUE", "", "");
    }

    /** A configured URL, or the embedded default when it is blank. */
    static AuditDatabase of(String url, String user, String password, Path dataFolder) {
        return url == null || url.isBlank() ? embedded(dataFolder) : new AuditDatabase(url.strip(), user, password);
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
