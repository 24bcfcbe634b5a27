package dev.tandem.engine.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tandem.launcher.ApiTokens;
import dev.tandem.launcher.Engine;

/**
 * A real engine (Felix with the distribution's bundles) on a free port, and an HTTP client for it. Requests
 * authenticate as the engine's admin unless they name one of the {@link #USERS}, which are configured through
 * Config Admin (a users file in the data folder's config folder) before the engine starts.
 */
final class RunningEngine implements AutoCloseable {
    /** The API users every test engine has, by name, with their roles. */
    static final Map<String, String> USERS = Map.ofEntries(Map.entry("alice", "deployer"), Map.entry("bob", "deployer"),
            Map.entry("mallory", "deployer"), Map.entry("tester", "deployer"), Map.entry("base", "deployer"),
            Map.entry("swapper", "deployer"), Map.entry("deployer", "deployer"), Map.entry("auditor", "auditor"),
            Map.entry("channel", "channel"), Map.entry("everything", "deployer,auditor,channel"));
    static final String AUTH_CONFIG = "dev.tandem.http.auth.config";

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DISTRIBUTION = Path.of(System.getProperty("tandem.distribution", "target/tandem-engine"));

    private final Path dataFolder;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> frameworkProperties;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private Engine engine;

    private RunningEngine(Path dataFolder, int port, Map<String, String> frameworkProperties) {
        this.dataFolder = dataFolder;
        this.port = port;
        this.frameworkProperties = frameworkProperties;
    }

    /** Starts an engine on the data folder (deploying the default ruleset if it holds none) and waits until it answers. */
    static RunningEngine start(Path dataFolder) throws Exception {
        return start(dataFolder, Map.of());
    }

    /** The same, with framework properties for the bundles, e.g. {@code tandem.audit.url}. */
    static RunningEngine start(Path dataFolder, Map<String, String> frameworkProperties) throws Exception {
        RunningEngine running = new RunningEngine(dataFolder, freePort(), frameworkProperties);
        running.boot();
        return running;
    }

    RunningEngine restart() throws Exception {
        engine.stop();
        boot();
        return this;
    }

    private void boot() throws Exception {
        configureUsers();
        Engine configured = new Engine(new Engine.Options(DISTRIBUTION, dataFolder, port, true));
        frameworkProperties.forEach(configured::frameworkProperty);
        engine = configured.start();
        tokens.put("admin", engine.adminToken().token());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Response health = get("/api/v1/health");
                if (health.status() == 200 && "UP".equals(health.json().path("status").asText())
                        && send("GET", "/api/v1/rulesets", token("auditor"), null, null).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the HTTP whiteboard is still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("engine did not report UP (and its users) within 60 s");
    }

    /** Writes the users' Config Admin configuration, with new tokens, unless an earlier start did. */
    private void configureUsers() throws IOException {
        if (!tokens.isEmpty()) {
            return;
        }
        USERS.keySet().forEach(name -> tokens.put(name, ApiTokens.newToken()));
        String entries = USERS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(user -> "\"" + ApiTokens.userEntry(user.getKey(), user.getValue(), tokens.get(user.getKey())) + "\"")
                .collect(Collectors.joining(", "));
        Files.createDirectories(dataFolder.resolve(Engine.CONFIG_FOLDER));
        Files.writeString(dataFolder.resolve(Engine.CONFIG_FOLDER).resolve(AUTH_CONFIG), "users=[" + entries + "]\n");
    }

    /** The bearer token of a user of {@link #USERS}, or of "admin". */
    String token(String user) {
        String token = tokens.get(user);
        if (token == null) {
            throw new IllegalArgumentException("no test user " + user + "; users: " + tokens.keySet());
        }
        return token;
    }

    Engine engine() {
        return engine;
    }

    Path dataFolder() {
        return dataFolder;
    }

    record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        Response(int status, String contentType, String body) {
            this(status, contentType, body, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true));
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** The same, with one more header, e.g. one the server must ignore. */
    Response sendWithHeader(String method, String path, String token, String contentType, byte[] body,
                            String header, String value) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header(header, value).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return sendAs(request, token);
    }

    /**
     * Any request, with the given bearer token (null: no Authorization header) and body (null: none).
     */
    Response send(String method, String path, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return sendAs(request, token);
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Deploys as one of the {@link #USERS}. */
    Response postJar(byte[] jar, String user) throws IOException, InterruptedException {
        return send("POST", "/api/v1/rulesets", token(user), "application/java-archive", jar);
    }

    Response post(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A POST without body as one of the {@link #USERS}, e.g. a rollback. */
    Response post(String path, String user) throws IOException, InterruptedException {
        return send("POST", path, token(user), null, null);
    }

    /**
     * A POST on a connection of its own: the server answers a refused body (413) without reading it and
     * closes the connection, which a pooled client could otherwise pick up again for the next request.
     */
    Response postJsonAlone(String path, String json) throws IOException, InterruptedException {
        try (HttpClient alone = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = alone.send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", "Bearer " + token("admin"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        }
    }

    JsonNode decide(String interactionJson) throws IOException, InterruptedException {
        Response response = postJson("/api/v1/decisions", interactionJson);
        if (response.status() != 200) {
            throw new AssertionError("decision answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    /** As the admin, when there is one yet. */
    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return sendAs(request, tokens.get("admin"));
    }

    private Response sendAs(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response.headers());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        engine.stop();
    }
}
