package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tandem.rules.sandbox.HostileRules;

/** A real engine refuses every hostile rule bundle at deploy with 422, naming the rule and the offending call. */
class SandboxDeployTest extends OneEngineForTheClass {
    private static final String SCENARIO = """
            {"name":"anything stays with the bot","interaction":{"interactionId":"s","messages":[{"from":"customer","text":"hi"}]},
             "signals":{},"expect":{"route":"AI"}}
            """;

    private static int version;

    static List<HostileRules.Case> hostile() {
        return HostileRules.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void everyHostileBundleIsRefusedWith422NamingTheRuleAndTheCall(HostileRules.Case hostile) throws Exception {
        RunningEngine.Response response = engine.postJar(jar(hostile), "mallory");

        assertEquals(422, response.status(), response.body());
        JsonNode problems = response.json().path("problems");
        boolean named = false;
        for (JsonNode problem : problems) {
            String message = problem.path("message").asText();
            named |= message.contains(hostile.culprit()) && message.contains(hostile.offending());
        }
        assertTrue(named, response.body());
    }

    @Test
    void nothingHostileWasActivatedAndTheDefaultRulesetStillDecides() throws Exception {
        JsonNode rulesets = engine.get("/api/v1/rulesets").json();
        assertTrue(rulesets.isArray() && !rulesets.isEmpty(), rulesets::toString);
        for (JsonNode ruleset : rulesets) {
            assertFalse(ruleset.path("name").asText().equals("rules.hostile")
                    && ruleset.path("state").asText().equals("ACTIVE"), ruleset::toString);
        }
        JsonNode decision = engine.decide(RuleBundles.interaction("c-after", "I want to talk to a real person", "{}"));
        assertEquals("HUMAN", decision.path("route").asText(), decision::toString);
        assertFalse(decision.has("failSafe"), decision::toString);
    }

    /** The hostile DRL, a harmless scenario and any helper class, in a rule bundle of a new version. */
    private static byte[] jar(HostileRules.Case hostile) throws IOException {
        byte[] plain = RuleBundles.bundle("rules.hostile", "1.0." + version++).file("drl/hostile.drl", hostile.drl())
                .file("scenarios/any.json", SCENARIO).jar();
        return hostile.classes().isEmpty() ? plain : withClasses(plain, hostile.classes());
    }

    private static byte[] withClasses(byte[] jar, Map<String, byte[]> classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar));
             JarOutputStream out = new JarOutputStream(bytes, in.getManifest())) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                out.putNextEntry(new JarEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> helper : classes.entrySet()) {
                out.putNextEntry(new JarEntry(helper.getKey()));
                out.write(helper.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
