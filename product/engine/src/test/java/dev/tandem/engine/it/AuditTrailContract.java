package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tandem.audit.internal.AuditCli;

/**
 * The audit trail against a real database server: every decision and deployment recorded, nothing
 * lost while the database is down, tampering found. Run once per database by its subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AuditTrailContract {
    private static final String ASKS_FOR_HUMAN = "I want to talk to a real person";
    private static final String ROUTINE = "how do I change my card pin";

    private AuditDatabaseServer database;
    private RunningEngine engine;

    abstract AuditDatabaseServer startDatabase(Path folder) throws Exception;

    void start(Path folder) throws Exception {
        database = startDatabase(folder.resolve("db"));
        engine = RunningEngine.start(folder.resolve("data"), Map.of("tandem.audit.url", database.url()));
    }

    @AfterAll
    void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void everyDecisionIsRecordedWithTheRulesThatFired() throws Exception {
        int count = 40;
        List<JsonNode> decided = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = i % 2 == 0 ? ASKS_FOR_HUMAN : ROUTINE;
            decided.add(engine.decide(RuleBundles.interaction("n-" + i, text, "{}")));
        }
        awaitAuditCaughtUp();

        assertEquals(count, countWhere("interaction_id LIKE 'n-%'"));
        for (JsonNode decision : decided) {
            JsonNode record = engine.get("/api/v1/decisions/" + decision.path("decisionId").asText()).json();
            assertEquals(decision.path("firedRules"), record.path("firedRules"), record::toString);
            assertEquals(decision.path("queue"), record.path("queue"));
            assertEquals(decision.path("route"), record.path("route"));
            assertEquals("rules.escalation-default", record.path("ruleset").path("name").asText());
            assertTrue(record.path("firedRules").size() > 0, record::toString);
        }
        assertEquals(count, pagedDecisionIds("/api/v1/decisions?limit=7&ruleset=rules.escalation-default")
                .stream().filter(id -> decided.stream().anyMatch(d -> d.path("decisionId").asText().equals(id)))
                .count());
        JsonNode one = engine.get("/api/v1/decisions?interactionId=n-3").json().path("decisions");
        assertEquals(1, one.size(), one::toString);
        assertEquals("n-3", one.get(0).path("interactionId").asText());
    }

    @Test
    @Order(2)
    void aDeployARefusalAndARollbackAreRecordedWithAuthorAndVersions() throws Exception {
        assertEquals(201, engine.postJar(RuleBundles.defaultRules("1.1.0").jar(), "alice").status());
        byte[] broken = RuleBundles.defaultRules("1.2.0")
                .replace("drl/escalation.drl", "rule \"complaints go to the complaints team\"\nwhen",
                        "rule \"complaints go to the complaints team\"\nwhen\n    Signal( name == )")
                .jar();
        assertEquals(422, engine.postJar(broken, "mallory").status());
        RunningEngine.Response rollback = engine.post("/api/v1/rulesets/rules.escalation-default/rollback", "bob");
        assertEquals(200, rollback.status(), rollback.body());
        awaitAuditCaughtUp();

        JsonNode deployments = engine.get("/api/v1/deployments").json().path("deployments");
        assertEvent(deployments, "DEPLOYED", "alice", "1.0.0", "1.1.0");
        JsonNode refused = assertEvent(deployments, "REFUSED", "mallory", "1.1.0", "1.2.0");
        assertTrue(refused.path("problems").toString().contains("drl/escalation.drl"), refused::toString);
        assertEvent(deployments, "ROLLED_BACK", "bob", "1.1.0", "1.0.0");
    }

    @Test
    @Order(3)
    void noRecordIsLostWhileTheDatabaseIsDown() throws Exception {
        awaitAuditCaughtUp();
        long before = countWhere("1 = 1");
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        AtomicLong slowestMillis = new AtomicLong();
        Thread sender = new Thread(() -> sendUntilStopped(sending, sent, slowestMillis));
        sender.start();
        Thread.sleep(1_000);
        database.stop();
        int sentBeforeOutage = sent.get();
        Thread.sleep(3_000);
        JsonNode auditDuringOutage = engine.get("/api/v1/health").json().path("audit");
        String metricsDuringOutage = engine.get("/metrics").body();
        int sentDuringOutage = sent.get() - sentBeforeOutage;
        database.start();
        Thread.sleep(1_000);
        sending.set(false);
        sender.join();
        awaitAuditCaughtUp();

        assertEquals("SPILLING", auditDuringOutage.path("status").asText(), auditDuringOutage::toString);
        assertEquals(false, auditDuringOutage.path("databaseReachable").asBoolean(true), auditDuringOutage::toString);
        assertTrue(auditDuringOutage.path("backlog").asLong() > 0, auditDuringOutage::toString);
        assertTrue(metricsDuringOutage.contains("tandem_audit_database_up 0.0"), metricsDuringOutage);
        assertTrue(sentDuringOutage > 100, "decisions kept flowing during the outage: " + sentDuringOutage);
        assertTrue(slowestMillis.get() < 1_000, "slowest decision " + slowestMillis.get() + " ms");
        assertEquals(before + sent.get(), countWhere("1 = 1"), "every decision recorded after replay");
        assertTrue(engine.get("/api/v1/health").json().path("audit").path("spilledRecords").asLong() > 0);
        assertEquals(0, verify().exitCode(), "the chain stays intact across the replay");
    }

    @Test
    @Order(4)
    void anEditedRecordIsNamedByVerify() throws Exception {
        awaitAuditCaughtUp();
        Verification intact = verify();
        assertEquals(0, intact.exitCode(), intact.output());

        long sequence = countWhere("1 = 1") / 2;
        String decisionId = queryString("SELECT decision_id FROM audit_decision WHERE seq = " + sequence);
        String queue = queryString("SELECT queue FROM audit_decision WHERE seq = " + sequence);
        update("UPDATE audit_decision SET queue = 'retention' WHERE seq = " + sequence);
        Verification broken = verify();
        update("UPDATE audit_decision SET queue = '" + queue + "' WHERE seq = " + sequence);

        assertEquals(1, broken.exitCode(), broken.output());
        assertTrue(broken.output().contains("BROKEN audit_decision record " + sequence + " (decision_id "
                + decisionId + ")"), broken.output());
        assertEquals(0, verify().exitCode(), "intact again once the record is restored");
    }

    @Test
    @Order(5)
    void metricsCountDecisionsAndDeployments() throws Exception {
        RunningEngine.Response metrics = engine.get("/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
        assertTrue(metrics.body().contains("tandem_decisions_total{queue=\"general\",route=\"HUMAN\"}"), metrics.body());
        assertTrue(metrics.body().contains("tandem_decision_latency_seconds_bucket{le="), metrics.body());
        assertTrue(metrics.body().contains("tandem_deployments_total{outcome=\"REFUSED\""), metrics.body());
        assertTrue(metrics.body().contains("tandem_audit_backlog "), metrics.body());
        assertTrue(metrics.body().contains("tandem_audit_spilled_records "), metrics.body());
        assertTrue(metrics.body().contains("tandem_audit_database_up 1.0"), metrics.body());
        for (String outcome : List.of("DEPLOYED", "REFUSED", "ROLLED_BACK", "ACCESS_GRANTED")) {
            assertTrue(metrics.body().contains("tandem_deployments_total{outcome=\"" + outcome + "\",ruleset="),
                    outcome + " in " + metrics.body());
        }
    }

    @Test
    @Order(6)
    void healthShowsTheActiveRulesetTheAuditBacklogAndTheDatabase() throws Exception {
        awaitAuditCaughtUp();
        JsonNode health = engine.get("/api/v1/health").json();

        assertEquals("UP", health.path("status").asText(), health::toString);
        JsonNode active = health.path("rulesets").get(0);
        assertEquals("rules.escalation-default", active.path("name").asText(), health::toString);
        assertEquals("1.0.0", active.path("version").asText(), "active again after the rollback: " + health);
        JsonNode audit = health.path("audit");
        assertEquals(0, audit.path("backlog").asLong(-1), audit::toString);
        assertTrue(audit.path("databaseReachable").asBoolean(), audit::toString);
        assertTrue(audit.path("recordedRecords").asLong() > 0, audit::toString);
        String product = database.url().startsWith("jdbc:postgresql:") ? "jdbc:postgresql:" : "jdbc:h2:";
        assertTrue(audit.path("database").asText().startsWith(product), audit::toString);
    }

    private void sendUntilStopped(AtomicBoolean sending, AtomicInteger sent, AtomicLong slowestMillis) {
        while (sending.get()) {
            long start = System.nanoTime();
            try {
                engine.decide(RuleBundles.interaction("o-" + sent.get(), ASKS_FOR_HUMAN, "{}"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            slowestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
            sent.incrementAndGet();
        }
    }

    private static JsonNode assertEvent(JsonNode deployments, String kind, String actor, String from, String to) {
        for (JsonNode event : deployments) {
            if (event.path("kind").asText().equals(kind) && event.path("actor").asText().equals(actor)) {
                assertEquals(from, event.path("fromVersion").asText(), event::toString);
                assertEquals(to, event.path("toVersion").asText(), event::toString);
                return event;
            }
        }
        throw new AssertionError("no " + kind + " by " + actor + " in " + deployments);
    }

    private List<String> pagedDecisionIds(String firstPage) throws Exception {
        List<String> ids = new ArrayList<>();
        Set<String> pages = new HashSet<>();
        String page = firstPage;
        while (page != null && pages.add(page)) {
            JsonNode json = engine.get(page).json();
            json.path("decisions").forEach(d -> ids.add(d.path("decisionId").asText()));
            page = json.has("next") ? json.path("next").asText() : null;
        }
        return ids;
    }

    void awaitAuditCaughtUp() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode audit = engine.get("/api/v1/health").json().path("audit");
            if (audit.path("backlog").asLong(-1) == 0 && audit.path("databaseReachable").asBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the audit backlog did not drain: " + engine.get("/api/v1/health").body());
    }

    record Verification(int exitCode, String output) {
    }

    Verification verify() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AuditCli.run(new String[] {"verify", "--audit-url", database.url()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Verification(code, out.toString(StandardCharsets.UTF_8));
    }

    private long countWhere(String condition) throws SQLException {
        return Long.parseLong(queryString("SELECT COUNT(*) FROM audit_decision WHERE " + condition));
    }

    private String queryString(String sql) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            assertEquals(1, statement.executeUpdate());
        }
    }
}
