package dev.tandem.audit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Optional;

import org.h2.tools.Server;

/**
 * Lets {@code tandem audit} read the embedded H2 file while the engine has it open: the engine serves
 * it on a loopback TCP port and leaves the URL in {@code <data>/audit/server.url}. This replaces H2's
 * AUTO_SERVER mode, which insists on closing the database from H2's own shutdown hook, while the
 * engine's hook is still writing the last records into it.
 */
final class AuditServer implements AutoCloseable {
    static final String URL_FILE = "server.url";

    private final Server server;
    private final Path urlFile;

    private AuditServer(Server server, Path urlFile) {
        this.server = server;
        this.urlFile = urlFile;
    }

    /** Serves the H2 database {@code <folder>/audit} to local clients only. */
    static AuditServer start(Path folder) throws SQLException, IOException {
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifExists", "-baseDir", folder.toString()).start();
        Path urlFile = folder.resolve(URL_FILE);
        Files.writeString(urlFile, "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/audit");
        restrictToOwner(urlFile);
        return new AuditServer(server, urlFile);
    }

    /** The URL a running engine left, if any; it may be stale after a crash. */
    static Optional<String> url(Path folder) {
        Path urlFile = folder.resolve(URL_FILE);
        try {
            return Files.exists(urlFile) ? Optional.of(Files.readString(urlFile).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the data folder's own permissions protect it
        }
    }

    @Override
    public void close() throws IOException {
        server.stop();
        Files.deleteIfExists(urlFile);
    }
}
