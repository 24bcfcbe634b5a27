package dev.tandem.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tandem start}: runs the engine until Ctrl-C.
 * Options: {@code --port N} (or TANDEM_PORT, default 8080), {@code --data DIR}
 * (or TANDEM_DATA, default ./var), {@code --distribution DIR}, {@code --no-default-ruleset},
 * {@code --audit-url JDBC-URL} (or TANDEM_AUDIT_URL, default an H2 file in the data folder).
 */
public final class Main {
    static final String AUDIT_URL_PROPERTY = "tandem.audit.url";
    private static final Pattern ACTIVE_RULESET =
            Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"version\"\\s*:\\s*\"([^\"]+)\"");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Engine.Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("tandem start: " + e.getMessage());
            System.err.println("usage: tandem start [--port N] [--data DIR] [--no-default-ruleset] [--audit-url JDBC-URL]");
            System.exit(2);
            return;
        }
        Engine engine = new Engine(options).frameworkProperty(AUDIT_URL_PROPERTY, auditUrl(args)).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(engine), "tandem-shutdown"));
        String url = "http://localhost:" + options.port();
        System.out.println("Tandem engine started at " + url + " (data: " + options.dataFolder().toAbsolutePath() + ")");
        System.out.println(adminTokenNotice(engine.adminToken()));
        System.out.println("Active ruleset: " + activeRuleset(url));
        System.out.println("Press Ctrl-C to stop.");
        engine.awaitStop();
    }

    /** The token is shown once, when it is made; afterwards only where it is kept. */
    static String adminTokenNotice(ApiTokens.AdminToken admin) {
        return admin.created()
                ? "Admin token (kept in " + admin.file().toAbsolutePath() + ", readable by you only): " + admin.token()
                : "Admin token: in " + admin.file().toAbsolutePath();
    }

    static Engine.Options parse(String[] args) {
        int port = intOption("TANDEM_PORT", System.getenv("TANDEM_PORT"), 8080);
        Path data = Path.of(System.getenv().getOrDefault("TANDEM_DATA", "var"));
        Path distribution = Path.of(System.getProperty("tandem.distribution", "."));
        boolean deployDefault = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = intOption("--port", value(args, ++i, "--port"), port);
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--distribution" -> distribution = Path.of(value(args, ++i, "--distribution"));
                case "--no-default-ruleset" -> deployDefault = false;
                case "--audit-url" -> value(args, ++i, "--audit-url"); // read by auditUrl(args)
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new Engine.Options(distribution, data, port, deployDefault);
    }

    /** {@code --audit-url} (or TANDEM_AUDIT_URL): the audit database; none means H2 in the data folder. */
    static String auditUrl(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--audit-url")) {
                return args[i + 1];
            }
        }
        return System.getenv("TANDEM_AUDIT_URL");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int intOption(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + value + "'");
        }
    }

    /** Waits for the HTTP API to report an active ruleset; the engine may still be compiling the default one. */
    private static String activeRuleset(String url) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/api/v1/health")).timeout(Duration.ofSeconds(5)).build();
        for (int attempt = 0; attempt < 120; attempt++) {
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                Matcher matcher = ACTIVE_RULESET.matcher(response.body());
                if (response.statusCode() == 200 && matcher.find()) {
                    return matcher.group(1) + " " + matcher.group(2);
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return "none after a minute: every interaction fails safe to a human (see " + url + "/api/v1/health)";
    }

    private static void stop(Engine engine) {
        try {
            engine.stop();
            System.out.println("Tandem engine stopped.");
        } catch (Exception e) {
            System.err.println("Tandem engine did not stop cleanly: " + e);
        }
    }
}
