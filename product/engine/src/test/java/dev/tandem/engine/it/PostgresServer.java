package dev.tandem.engine.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from the machine's PostgreSQL binaries ({@code ./tandem test} installs
 * Debian's package when they are missing), on a free port, under target/. PostgreSQL refuses to run as
 * root, so as root the cluster belongs to the postgres user.
 */
final class PostgresServer implements AuditDatabaseServer {
    private static final String USER = "tandem";
    private final Path bin;
    private final Path cluster;
    private final int port;

    PostgresServer(Path parent) throws Exception {
        this.bin = binaries();
        this.port = freePort();
        this.cluster = Files.createDirectories(parent).resolve("pg-" + port);
        Files.createDirectories(cluster);
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", cluster.toString()));
        }
        runAsOwner(List.of(bin.resolve("initdb").toString(), "-D", cluster.resolve("data").toString(), "-U", USER,
                "-A", "trust", "-E", "UTF8", "--no-sync"));
        start();
    }

    @Override
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + USER;
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Override
    public void start() throws Exception {
        runAsOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", cluster.resolve("data").toString(), "-w",
                "-l", cluster.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + cluster + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    @Override
    public void stop() throws Exception {
        runAsOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", cluster.resolve("data").toString(), "-w",
                "-m", "fast", "stop"));
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static Path binaries() throws IOException {
        Path installed = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> versions = Files.list(installed)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                        .orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        throw new IllegalStateException("no PostgreSQL under /usr/lib/postgresql: run the suite with ./tandem test, "
                + "which installs Debian's postgresql package");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void runAsOwner(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
