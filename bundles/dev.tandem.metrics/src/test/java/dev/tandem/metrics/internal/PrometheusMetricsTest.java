package dev.tandem.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tandem.api.DeploymentEvent;
import dev.tandem.api.Interaction;
import dev.tandem.api.Problem;
import dev.tandem.api.Route;
import dev.tandem.api.RoutingDecision;

class PrometheusMetricsTest {
    private final PrometheusMetrics metrics = new PrometheusMetrics();
    private final Interaction interaction = new Interaction("c-1", "chat", "en", null, List.of(), null, Map.of());

    PrometheusMetricsTest() {
        metrics.activate();
    }

    private static RoutingDecision decision(Route route, String queue, String failSafe, long micros) {
        return new RoutingDecision("d", "c-1", route, queue, 50, List.of(), "en", List.of(), Map.of(), null,
                List.of(), failSafe, micros);
    }

    @Test
    void decisionsAreCountedByRouteAndQueueWithTheirLatency() {
        metrics.decided(interaction, decision(Route.HUMAN, "billing", null, 300));
        metrics.decided(interaction, decision(Route.HUMAN, "billing", null, 3_000));
        metrics.decided(interaction, decision(Route.AI, null, null, 80));

        String text = metrics.scrape();
        assertTrue(text.contains("tandem_decisions_total{queue=\"billing\",route=\"HUMAN\"} 2.0"), text);
        assertTrue(text.contains("tandem_decisions_total{queue=\"none\",route=\"AI\"} 1.0"), text);
        assertTrue(text.contains("tandem_decision_latency_seconds_bucket{le=\"5.0E-4\"} 2"), text);
        assertTrue(text.contains("tandem_decision_latency_seconds_count 3"), text);
    }

    @Test
    void failSafesAreCountedByReasonWithoutTheirDetails() {
        metrics.decided(interaction, decision(Route.HUMAN, "general", "no active ruleset", 10));
        metrics.decided(interaction, decision(Route.HUMAN, "general", "rule 'x' threw: boom", 10));

        String text = metrics.scrape();
        assertTrue(text.contains("tandem_failsafe_total{reason=\"no_ruleset\"} 1.0"), text);
        assertTrue(text.contains("tandem_failsafe_total{reason=\"rule_failed\"} 1.0"), text);
        assertTrue(!text.contains("boom"), text);
    }

    @Test
    void deploymentsAndAccessAttemptsAreCountedByOutcome() {
        metrics.deploymentEvent(new DeploymentEvent(DeploymentEvent.Kind.DEPLOYED, "rules.x", "1.0.0", "1.1.0", "ana",
                Instant.now(), List.of()));
        metrics.deploymentEvent(new DeploymentEvent(DeploymentEvent.Kind.ACCESS_DENIED, null, null, null, "anonymous",
                Instant.now(), List.of(new Problem(null, 0, 0, "POST /api/v1/rulesets from 10.0.0.1"))));

        String text = metrics.scrape();
        assertTrue(text.contains("tandem_deployments_total{outcome=\"DEPLOYED\",ruleset=\"rules.x\"} 1.0"), text);
        assertTrue(text.contains("tandem_deployments_total{outcome=\"ACCESS_DENIED\",ruleset=\"unknown\"} 1.0"), text);
    }

    @Test
    void withoutAnAuditTrailItsGaugesAreNotANumber() {
        String text = metrics.scrape();
        assertTrue(text.contains("tandem_audit_backlog NaN"), text);
        assertTrue(text.contains("tandem_audit_spilled_records NaN"), text);
    }
}
