package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every endpoint against every role (and no or a wrong token): readers read, deployers deploy and roll back,
 * channels decide, the rest get 401 (who are you?) or 403 (not you); health and metrics stay open.
 */
class AuthorizationTest extends OneEngineForTheClass {
    static final String INTERACTION = RuleBundles.interaction("auth-1", "I want to talk to a real person", "{}");
    static final byte[] NOT_A_JAR = "not a jar".getBytes(StandardCharsets.UTF_8);
    /** Callers: a configured user, or "none" (no Authorization header), or "forged" (a token nobody has). */
    static final List<String> CALLERS = List.of("admin", "deployer", "auditor", "channel", "none", "forged");

    /**
     * method, path, content type, body, the status when allowed, and the callers allowed. A refused deploy or
     * rollback (422 for a body that is not a jar, 404 for an unknown ruleset) shows the caller got past the gate
     * without changing what is deployed.
     */
    record Endpoint(String method, String path, String contentType, byte[] body, int allowedStatus,
                    List<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<String> READERS = List.of("admin", "deployer", "auditor");
    static final List<String> EVERYONE = CALLERS;

    static List<Endpoint> endpoints() {
        byte[] interaction = INTERACTION.getBytes(StandardCharsets.UTF_8);
        return List.of(
                new Endpoint("GET", "/api/v1/health", null, null, 200, EVERYONE),
                new Endpoint("GET", "/metrics", null, null, 200, EVERYONE),
                new Endpoint("POST", "/api/v1/decisions", "application/json", interaction, 200, List.of("admin", "channel")),
                new Endpoint("POST", "/api/v1/noop", "application/json", interaction, 200, List.of("admin", "channel")),
                new Endpoint("GET", "/api/v1/decisions?limit=1", null, null, 200, READERS),
                new Endpoint("GET", "/api/v1/decisions/no-such-decision", null, null, 404, READERS),
                new Endpoint("GET", "/api/v1/rulesets", null, null, 200, READERS),
                new Endpoint("GET", "/api/v1/rulesets/rules.escalation-default", null, null, 200, READERS),
                new Endpoint("GET", "/api/v1/rulesets/rules.escalation-default/1.0.0", null, null, 200, READERS),
                new Endpoint("GET", "/api/v1/rulesets/rules.escalation-default/1.0.0/files", null, null, 200, READERS),
                new Endpoint("GET", "/api/v1/deployments", null, null, 200, READERS),
                new Endpoint("GET", "/api/v1/no-such-resource", null, null, 404, READERS),
                new Endpoint("POST", "/api/v1/rulesets", "application/java-archive", NOT_A_JAR, 422,
                        List.of("admin", "deployer")),
                new Endpoint("POST", "/api/v1/rulesets/rules.nope/rollback", null, null, 404,
                        List.of("admin", "deployer")));
    }

    static Stream<Arguments> endpointsTimesCallers() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String caller : CALLERS) {
                cases.add(Arguments.of(endpoint, caller));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsTimesCallers")
    void eachEndpointAnswersEachCallerByRole(Endpoint endpoint, String caller) throws Exception {
        RunningEngine.Response response = engine.send(endpoint.method(), endpoint.path(), tokenOf(caller),
                endpoint.contentType(), endpoint.body());

        int expected = endpoint.allowed().contains(caller) ? endpoint.allowedStatus()
                : caller.equals("none") || caller.equals("forged") ? 401 : 403;
        assertEquals(expected, response.status(), () -> caller + ": " + response.body());
        if (expected == 401 || expected == 403) {
            assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
            assertEquals(expected, response.json().path("status").asInt());
            if (endpoint.body() != null) {
                assertEquals("close", response.headers().firstValue("Connection").orElse(""),
                        "a refused request's unread body must not be taken for the next request");
            }
        }
        if (expected == 401) {
            assertEquals("Bearer realm=\"tandem\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
        }
    }

    private static String tokenOf(String caller) {
        return switch (caller) {
            case "none" -> null;
            case "forged" -> "tdm_" + "A".repeat(43);
            default -> engine.token(caller);
        };
    }

    @Test
    void theDeployerIsTheAuthenticatedPrincipalNotAHeaderTheClientChose() throws Exception {
        RunningEngine.Response deployed = engine.sendWithHeader("POST", "/api/v1/rulesets", engine.token("alice"),
                "application/java-archive", RuleBundles.defaultRules("1.0.1").jar(), "X-Tandem-User", "mallory");
        assertEquals(201, deployed.status(), deployed.body());
        assertEquals("alice", deployed.json().path("deployedBy").asText());

        RunningEngine.Response rolledBack = engine.sendWithHeader("POST",
                "/api/v1/rulesets/rules.escalation-default/rollback", engine.token("bob"), null, null,
                "X-Tandem-User", "mallory");
        assertEquals(200, rolledBack.status(), rolledBack.body());
        JsonNode deployments = awaitDeployments(d -> d.path("kind").asText().equals("ROLLED_BACK"));
        assertTrue(contains(deployments, "DEPLOYED", "alice"), deployments::toString);
        assertTrue(contains(deployments, "ROLLED_BACK", "bob"), deployments::toString);
        assertFalse(deployments.toString().contains("mallory"), deployments::toString);
    }

    @Test
    void everyDeployAndRollbackAttemptIsAuditedWithPrincipalAndSourceAddress() throws Exception {
        assertEquals(401, engine.send("POST", "/api/v1/rulesets", null, "application/java-archive", NOT_A_JAR).status());
        assertEquals(403, engine.send("POST", "/api/v1/rulesets/rules.escalation-default/rollback",
                engine.token("auditor"), null, null).status());
        assertEquals(404, engine.send("POST", "/api/v1/rulesets/rules.gone/rollback",
                engine.token("deployer"), null, null).status());

        JsonNode deployments = awaitDeployments(d -> d.path("kind").asText().equals("ACCESS_GRANTED")
                && d.path("ruleset").asText().equals("rules.gone"));
        JsonNode anonymous = find(deployments, "ACCESS_DENIED", "anonymous", null);
        assertTrue(anonymous.path("problems").toString().contains("POST /api/v1/rulesets from 127.0.0.1"),
                anonymous::toString);
        JsonNode auditor = find(deployments, "ACCESS_DENIED", "auditor", "rules.escalation-default");
        assertTrue(auditor.path("problems").toString().contains("no rollback permission"), auditor::toString);
        JsonNode deployer = find(deployments, "ACCESS_GRANTED", "deployer", "rules.gone");
        assertTrue(deployer.path("problems").toString().contains("from 127.0.0.1"), deployer::toString);
    }

    @Test
    void theAdminTokenIsKeptForItsOwnerOnlyAndSurvivesARestart() throws Exception {
        Path file = data.resolve("admin.token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(engine.token("admin"), Files.readString(file).strip());
        assertTrue(engine.token("admin").length() >= 43, "256 random bits, base64url");
    }

    private static JsonNode awaitDeployments(java.util.function.Predicate<JsonNode> arrived) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode deployments = null;
        while (System.nanoTime() < deadline) {
            deployments = engine.get("/api/v1/deployments?limit=1000").json().path("deployments");
            for (JsonNode deployment : deployments) {
                if (arrived.test(deployment)) {
                    return deployments;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the awaited deployment record did not arrive: " + deployments);
    }

    private static boolean contains(JsonNode deployments, String kind, String actor) {
        for (JsonNode deployment : deployments) {
            if (deployment.path("kind").asText().equals(kind) && deployment.path("actor").asText().equals(actor)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode find(JsonNode deployments, String kind, String actor, String ruleset) {
        for (JsonNode deployment : deployments) {
            if (deployment.path("kind").asText().equals(kind) && deployment.path("actor").asText().equals(actor)
                    && (ruleset == null || deployment.path("ruleset").asText().equals(ruleset))) {
                return deployment;
            }
        }
        throw new AssertionError("no " + kind + " by " + actor + " in " + deployments);
    }
}
