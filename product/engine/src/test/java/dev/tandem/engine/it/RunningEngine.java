package dev.tandem.engine.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tandem.launcher.Engine;

/** A real engine (Felix with the distribution's bundles) on a free port, and an HTTP client for it. */
final class RunningEngine implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DISTRIBUTION = Path.of(System.getProperty("tandem.distribution", "target/tandem-engine"));

    private final Path dataFolder;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> frameworkProperties;
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
        Engine configured = new Engine(new Engine.Options(DISTRIBUTION, dataFolder, port, true));
        frameworkProperties.forEach(configured::frameworkProperty);
        engine = configured.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Response health = get("/api/v1/health");
                if (health.status() == 200 && "UP".equals(health.json().path("status").asText())) {
                    return;
                }
            } catch (IOException notYet) {
                // the HTTP whiteboard is still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("engine did not report UP within 60 s");
    }

    record Response(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response postJar(byte[] jar, String user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/api/v1/rulesets")).header("Content-Type", "application/java-archive")
                .header("X-Tandem-User", user).POST(HttpRequest.BodyPublishers.ofByteArray(jar)));
    }

    Response post(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A POST without body on behalf of a user (X-Tandem-User), e.g. a rollback. */
    Response post(String path, String user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("X-Tandem-User", user)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * A POST on a connection of its own: the server answers a refused body (413) without reading it and
     * closes the connection, which a pooled client could otherwise pick up again for the next request.
     */
    Response postJsonAlone(String path, String json) throws IOException, InterruptedException {
        try (HttpClient alone = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = alone.send(HttpRequest.newBuilder(uri(path))
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

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
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
