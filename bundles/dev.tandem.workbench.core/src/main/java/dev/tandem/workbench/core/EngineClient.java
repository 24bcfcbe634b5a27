package dev.tandem.workbench.core;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tandem.api.Problem;
import dev.tandem.api.RulesetInfo;
import dev.tandem.api.RulesetState;

/** The engine's ruleset API over HTTP: list, deploy a rule bundle jar, roll back, read a deployed version's files. */
public final class EngineClient {
    public static final URI DEFAULT_ENGINE = URI.create("http://localhost:8080");
    private static final String RULESETS = "/api/v1/rulesets";

    private final URI engine;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param token the bearer token the engine knows the caller by (its principal is recorded as the deployer);
     *              null or blank sends no credentials, which the engine answers 401 for anything but health
     */
    public EngineClient(URI engine, String token) {
        this.engine = engine;
        this.token = token == null || token.isBlank() ? null : token.strip();
    }

    public URI engine() {
        return engine;
    }

    public List<RulesetInfo> rulesets() throws EngineException {
        JsonNode answer = send(request(RULESETS).GET(), 200, "list the rulesets");
        List<RulesetInfo> rulesets = new ArrayList<>();
        answer.forEach(node -> rulesets.add(ruleset(node)));
        return rulesets;
    }

    /** @return the version now active; throws with the engine's problems when it refused the bundle */
    public RulesetInfo deploy(byte[] ruleBundle) throws EngineException {
        return ruleset(send(request(RULESETS).header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ruleBundle)), 201, "deploy"));
    }

    /** @return the previous version, active again */
    public RulesetInfo rollback(String rulesetName) throws EngineException {
        String path = RULESETS + "/" + URLEncoder.encode(rulesetName, StandardCharsets.UTF_8).replace("+", "%20")
                + "/rollback";
        return ruleset(send(request(path).POST(HttpRequest.BodyPublishers.noBody()), 200, "roll back"));
    }

    /** The rule and scenario files of a deployed version, by their path in the rule bundle. */
    public SortedMap<String, String> ruleFiles(String rulesetName, String version) throws EngineException {
        String path = RULESETS + "/" + segment(rulesetName) + "/" + segment(version) + "/files";
        SortedMap<String, String> files = new TreeMap<>();
        send(request(path).GET(), 200, "read the files of " + rulesetName + " " + version).path("files")
                .properties().forEach(file -> files.put(file.getKey(), file.getValue().asText()));
        return files;
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(engine.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus, String action) throws EngineException {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EngineException("could not " + action + ": no answer from the engine at " + engine + " ("
                    + e + ")", 0, List.of(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while trying to " + action, 0, List.of(), e);
        }
        JsonNode body = json(response.body());
        if (response.statusCode() != expectedStatus) {
            throw new EngineException("the engine refused to " + action + " (HTTP " + response.statusCode() + "): "
                    + body.path("detail").asText(response.body()) + credentialsAdvice(response.statusCode()),
                    response.statusCode(),
                    problems(body.path("problems")), null);
        }
        return body;
    }

    private String credentialsAdvice(int status) {
        if (status == 401) {
            return token == null ? " (give a token: --token, TANDEM_TOKEN, or var/admin.token for a local engine)"
                    : " (the engine does not know this token)";
        }
        return status == 403 ? " (this token's roles do not allow it; deploying needs the deployer role)" : "";
    }

    private JsonNode json(String body) {
        try {
            return mapper.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException notJson) {
            return mapper.createObjectNode().put("detail", body);
        }
    }

    private static RulesetInfo ruleset(JsonNode node) {
        String state = node.path("state").asText(null);
        String deployedAt = node.path("deployedAt").asText(null);
        List<Problem> problems = new ArrayList<>();
        node.path("problems").forEach(p -> problems.add(new Problem(p.path("file").asText(null),
                p.path("line").asInt(), p.path("column").asInt(), p.path("message").asText())));
        return new RulesetInfo(node.path("name").asText(), node.path("version").asText(),
                state == null ? null : RulesetState.valueOf(state),
                deployedAt == null ? null : Instant.parse(deployedAt), node.path("deployedBy").asText(null), problems);
    }

    private static List<RuleProblem> problems(JsonNode array) {
        List<RuleProblem> problems = new ArrayList<>();
        array.forEach(p -> problems.add(new RuleProblem(kindOf(p.path("message").asText()),
                p.path("file").asText(null), p.path("line").asInt(), p.path("column").asInt(),
                p.path("message").asText())));
        return problems;
    }

    /** The engine says only what failed; a failed scenario is the one kind worth telling apart. */
    private static RuleProblem.Kind kindOf(String message) {
        return message.startsWith("scenario ") ? RuleProblem.Kind.SCENARIO : RuleProblem.Kind.DROOLS;
    }
}
