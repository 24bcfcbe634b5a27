package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tandem.launcher.Engine;

/**
 * Eight threads decide without pause while a ruleset is deployed and rolled
 * back 100 times. Each version routes to a queue named after itself, so a
 * decision that saw half of one version and half of another would show it.
 */
class SwapUnderLoadTest {
    private static final String RULESET = "rules.swap";
    private static final int THREADS = 8;
    private static final int SWAPS = 100;

    @TempDir
    Path data;

    @Test
    void decisionsNeverFailNorMixVersionsWhileRulesetsSwap() throws Exception {
        relaxTimeBudget();
        try (RunningEngine engine = RunningEngine.start(data)) {
            assertEquals(201, engine.postJar(version(0), "base").status());
            AtomicBoolean swapping = new AtomicBoolean(true);
            AtomicLong sent = new AtomicLong();
            AtomicLong answered = new AtomicLong();
            Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
            ExecutorService deciders = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                running.add(deciders.submit(() -> {
                    while (swapping.get()) {
                        sent.incrementAndGet();
                        JsonNode decision = engine.decide(RuleBundles.interaction("c-" + thread + "-" + sent.get(),
                                "hello", "{\"ruleset\":\"" + RULESET + "\"}"));
                        assertConsistent(decision);
                        versionsSeen.add(decision.path("ruleset").path("version").asText());
                        answered.incrementAndGet();
                    }
                    return null;
                }));
            }
            int swaps = 0;
            for (int k = 1; swaps < SWAPS; k++) {
                RunningEngine.Response deployed = engine.postJar(version(k), "swapper");
                assertEquals(201, deployed.status(), deployed.body());
                RunningEngine.Response rolledBack = engine.post("/api/v1/rulesets/" + RULESET + "/rollback");
                assertEquals(200, rolledBack.status(), rolledBack.body());
                swaps += 2;
            }
            swapping.set(false);
            deciders.shutdown();
            assertTrue(deciders.awaitTermination(60, TimeUnit.SECONDS));
            for (Future<?> thread : running) {
                thread.get();
            }
            assertEquals(sent.get(), answered.get(), "every decision sent was answered");
            assertTrue(versionsSeen.size() > 2, () -> "decisions should have met several versions: " + versionsSeen);
            System.out.printf("swap test: %d decisions over %d swaps, %d versions seen%n", answered.get(), swaps,
                    versionsSeen.size());
        }
    }

    /**
     * Swaps compile rulesets beside the deciding threads; on a loaded 2-core machine a decision can wait for
     * the CPU past the 100 ms budget and fail safe, which is the budget's job (FailSafeTest), not a swap fault.
     */
    private void relaxTimeBudget() throws Exception {
        Path config = data.resolve(Engine.CONFIG_FOLDER);
        Files.createDirectories(config);
        Files.writeString(config.resolve("dev.tandem.engine.internal.EngineRouter.config"), "timeBudgetMillis=L\"5000\"\n");
    }

    private static void assertConsistent(JsonNode decision) {
        if (decision.has("failSafe")) {
            throw new AssertionError("fail-safe during swaps: " + decision);
        }
        String version = decision.path("ruleset").path("version").asText();
        String expectedQueue = "q-" + version.replace('.', '-');
        if (!RULESET.equals(decision.path("ruleset").path("name").asText())
                || !expectedQueue.equals(decision.path("queue").asText())) {
            throw new AssertionError("decision mixes ruleset versions: " + decision);
        }
    }

    /** A small ruleset whose every decision names its own version in the queue. */
    private static byte[] version(int k) throws Exception {
        String version = "1.0." + k;
        String queue = "q-1-0-" + k;
        String drl = RuleBundles.HEADER + """
                rule "everyone goes to this version's queue"
                when
                    Interaction()
                then
                    decision.escalate("%s", 50, "version %s");
                end
                """.formatted(queue, version);
        String scenario = """
                {"name":"routes to its own queue","interaction":{"interactionId":"s","messages":[{"from":"customer","text":"hi"}]},
                 "signals":{},"expect":{"route":"HUMAN","queue":"%s"}}
                """.formatted(queue);
        return RuleBundles.bundle(RULESET, version).file("drl/swap.drl", drl).file("scenarios/swap.json", scenario).jar();
    }
}
