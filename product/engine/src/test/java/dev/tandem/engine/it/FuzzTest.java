package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile input against the real engine over HTTP: interactions (valid ones with odd values, mutated
 * bytes, random JSON, raw bytes) at the decision endpoint and rule bundle jars (odd manifests, entry names,
 * contents, mutated and truncated zips) at the deployer. Nothing answers 5xx, every refusal is a problem, and the
 * engine still decides afterwards. Bounded by the number of tries (about 20 s on a laptop).
 */
class FuzzTest {
    static final int DECISION_TRIES = 2_000;
    static final int BUNDLE_TRIES = 300;
    static RunningEngine engine;
    static Path data;
    static final AtomicInteger tried = new AtomicInteger();
    static final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();

    @BeforeContainer
    static void start() throws Exception {
        data = Files.createTempDirectory("tandem-fuzz");
        engine = RunningEngine.start(data);
    }

    @AfterContainer
    static void stillDecidingThenStop() throws Exception {
        try {
            JsonNode decision = engine.decide(RuleBundles.interaction("after-fuzz", "I want to talk to a real person", "{}"));
            assertEquals("HUMAN", decision.path("route").asText(), decision::toString);
            assertEquals("UP", engine.get("/api/v1/health").json().path("status").asText());
            System.out.println("FuzzTest: " + tried.get() + " inputs tried, answers by endpoint and status: "
                    + new TreeMap<>(statuses) + "; no 5xx, engine still deciding");
        } finally {
            engine.close();
        }
    }

    @Property(tries = DECISION_TRIES, shrinking = ShrinkingMode.OFF)
    void theDecisionEndpointAnswersEveryInputWithoutFailing(@ForAll("interactions") byte[] body) throws Exception {
        RunningEngine.Response response = engine.send("POST", "/api/v1/decisions", engine.token("channel"),
                "application/json", body);
        count("decisions", response.status());
        assertTrue(List.of(200, 400, 413).contains(response.status()), () -> response.status() + " for "
                + new String(body, StandardCharsets.UTF_8) + ": " + response.body());
        if (response.status() != 200) {
            assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
            assertTrue(!response.json().path("detail").asText().isBlank(), response.body());
        }
    }

    @Property(tries = BUNDLE_TRIES, shrinking = ShrinkingMode.OFF)
    void theDeployerAnswersEveryJarWithoutFailing(@ForAll("bundles") byte[] jar) throws Exception {
        RunningEngine.Response response = engine.postJar(jar, "deployer");
        count("rulesets", response.status());
        assertTrue(List.of(201, 400, 413, 422).contains(response.status()), () -> response.status() + ": "
                + response.body());
        if (response.status() != 201) {
            assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        }
    }

    private static void count(String endpoint, int status) {
        tried.incrementAndGet();
        statuses.computeIfAbsent(endpoint + " " + status, k -> new AtomicInteger()).incrementAndGet();
    }

    @Provide
    Arbitrary<byte[]> interactions() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, oddInteractions().map(FuzzTest::utf8)),
                net.jqwik.api.Tuple.of(3, oddInteractions().map(FuzzTest::utf8).flatMap(FuzzTest::mutated)),
                net.jqwik.api.Tuple.of(2, jsonTexts().map(FuzzTest::utf8)),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(512)));
    }

    /** Interactions in the right shape with unusual values: control characters, huge numbers, odd types. */
    static Arbitrary<String> oddInteractions() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("<>\"'\\/\u0000\u202e\ud83d\ude00{}[]").ofMaxLength(50),
                Arbitraries.of("I want to talk to a real person", "saya mau bicara dengan manusia", "我要人工客服"));
        Arbitrary<JsonNode> value = Arbitraries.oneOf(text.map(JsonNodeFactory.instance::textNode),
                Arbitraries.doubles().map(JsonNodeFactory.instance::numberNode),
                Arbitraries.longs().map(JsonNodeFactory.instance::numberNode),
                Arbitraries.of(true, false).map(JsonNodeFactory.instance::booleanNode),
                Arbitraries.just(JsonNodeFactory.instance.nullNode()),
                Arbitraries.just(JsonNodeFactory.instance.arrayNode()));
        // half keep their shape, so that odd text reaches the detectors and the rules
        Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.just("none"), Arbitraries.of("interactionId",
                "channel", "language", "aiConfidence", "customer", "messages", "attributes", "ruleset", "unknown"));
        return Combinators.combine(text, text, value, field, Arbitraries.integers().between(0, 3)).as(
                (id, message, odd, where, messages) -> {
                    ObjectNode json = JsonNodeFactory.instance.objectNode();
                    json.put("interactionId", id.isBlank() ? "fuzz" : id.substring(0, Math.min(id.length(), 128)));
                    json.put("language", "en");
                    var list = json.putArray("messages");
                    for (int i = 0; i < messages; i++) {
                        list.addObject().put("from", "customer").put("text", message);
                    }
                    json.putObject("attributes").put("domain", "banking77").put("note", message);
                    if (!where.equals("none")) {
                        json.set(where, odd);
                    }
                    return json.toString();
                });
    }

    /** Any JSON text, nested up to a depth past the engine's limit. */
    static Arbitrary<String> jsonTexts() {
        Arbitrary<String> leaf = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(10).map(s -> "\"" + s + "\""),
                Arbitraries.of("1", "-0.5e308", "1e999", "null", "true", "\"\\ud800\"", "{}", "[]"));
        List<String[]> wrappers = List.of(new String[] {"[", "]"}, new String[] {"{\"a\":", "}"},
                new String[] {"{\"interactionId\":\"x\",\"messages\":[", "]}"});
        return Combinators.combine(leaf, Arbitraries.integers().between(0, 2).list().ofMaxSize(40)).as((value, levels) -> {
            String json = value;
            for (int level : levels) {
                json = wrappers.get(level)[0] + json + wrappers.get(level)[1];
            }
            return json;
        });
    }

    /** The input with a few bytes flipped, inserted or cut off. */
    static Arbitrary<byte[]> mutated(byte[] input) {
        if (input.length == 0) {
            return Arbitraries.just(input);
        }
        return Combinators.combine(Arbitraries.integers().between(0, input.length - 1), Arbitraries.bytes(),
                Arbitraries.integers().between(0, 2)).as((at, value, how) -> switch (how) {
                    case 0 -> {
                        byte[] copy = input.clone();
                        copy[at] = value;
                        yield copy;
                    }
                    case 1 -> java.util.Arrays.copyOf(input, at);
                    default -> {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        out.write(input, 0, at);
                        out.write(value);
                        out.write(input, at, input.length - at);
                        yield out.toByteArray();
                    }
                });
    }

    @Provide
    Arbitrary<byte[]> bundles() {
        Arbitrary<String> manifest = Arbitraries.oneOf(
                Arbitraries.of(manifest("rules.fuzz", "1.0.0"), manifest("rules.fuzz", "not-a-version"),
                        manifest("", "1.0.0"), "Manifest-Version: 1.0\n", "garbage without colon\n",
                        manifest("rules.fuzz", "1.0.0") + "Bundle-Activator: x.Y\n",
                        manifest("rules.fuzz", "1.0.0") + "X-Long: " + "z".repeat(60) + "\n"),
                Arbitraries.strings().ofMaxLength(200));
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("drl/a.drl", "scenarios/a.json", "../x.drl",
                        "/abs.drl", "a\\b.drl", "lib/x.jar", "META-INF/MANIFEST.MF", "drl/" + "d/".repeat(40) + "x.drl"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40));
        Arbitrary<byte[]> content = Arbitraries.oneOf(
                Arbitraries.of("package rules;\nrule \"r\" when then end\n", "rule", "{\"name\":\"s\"}", "[]", "")
                        .map(FuzzTest::utf8),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
        Arbitrary<byte[]> jar = Combinators.combine(manifest, name.list().ofMaxSize(4), content)
                .as(FuzzTest::zip);
        return Arbitraries.oneOf(jar, jar.flatMap(FuzzTest::mutated), Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
    }

    static String manifest(String name, String version) {
        return "Manifest-Version: 1.0\nBundle-ManifestVersion: 2\nBundle-SymbolicName: " + name + "\nBundle-Version: "
                + version + "\nRequire-Capability: osgi.extender;filter:=\"(osgi.extender=dev.tandem.rules)\"\n";
    }

    static byte[] zip(String manifest, List<String> names, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write(utf8(manifest));
            for (String name : names.stream().distinct().filter(n -> !n.equals("META-INF/MANIFEST.MF")).toList()) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
            }
        } catch (IOException | IllegalArgumentException unwritable) {
            return utf8(manifest);
        }
        return bytes.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
