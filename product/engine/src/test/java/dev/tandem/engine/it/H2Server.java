package dev.tandem.engine.it;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.h2.tools.Server;

/** H2 in server mode, so that it can go away under the engine like a remote database would. */
final class H2Server implements AuditDatabaseServer {
    private final Path folder;
    private final int port;
    private Server server;

    H2Server(Path folder) throws Exception {
        this.folder = folder;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        start();
    }

    @Override
    public String url() {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/audit";
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Override
    public void stop() {
        server.stop();
    }

    @Override
    public void start() throws SQLException {
        server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", folder.toString(),
                "-ifNotExists").start();
    }

    @Override
    public void close() {
        server.stop();
    }
}
