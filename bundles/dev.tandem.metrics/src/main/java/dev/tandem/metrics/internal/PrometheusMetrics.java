package dev.tandem.metrics.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import dev.tandem.api.DecisionListener;
import dev.tandem.api.DeploymentEvent;
import dev.tandem.api.DeploymentListener;
import dev.tandem.api.Interaction;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.RulesetRef;
import dev.tandem.api.RunawayTally;
import dev.tandem.api.RunawayWatchStatus;
import dev.tandem.api.audit.AuditLog;
import dev.tandem.api.audit.AuditStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts decisions and deployments as they happen and serves them, with the audit backlog and the engine's
 * runaway decisions, at GET /metrics in the Prometheus text format.
 */
@Component(service = {Servlet.class, DecisionListener.class, DeploymentListener.class})
@HttpWhiteboardServletPattern("/metrics")
public class PrometheusMetrics extends HttpServlet implements DecisionListener, DeploymentListener {
    private static final long serialVersionUID = 1L;
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1),
        Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250)};

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RunawayWatchStatus runaways;

    private final transient PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // registry lookups cost more than the increment; a decision's counter is found by its route and queue
    private final transient Map<String, Counter> decisionCounters = new ConcurrentHashMap<>();
    // the engine counts runaways; each scrape copies its counts into these, by ruleset, version and limit
    private final transient Map<List<String>, AtomicLong> runawayCounts = new ConcurrentHashMap<>();
    private transient Timer latency;

    @Activate
    void activate() {
        latency = Timer.builder("tandem.decision.latency").description("Time to decide one interaction")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        Gauge.builder("tandem.audit.backlog", this, m -> m.auditStatus(AuditStatus::backlog))
                .description("Audit records accepted and not yet in the database").register(registry);
        Gauge.builder("tandem.audit.spilled.records", this, m -> m.auditStatus(AuditStatus::spilledRecords))
                .description("Audit records written to the spill file since start").register(registry);
        Gauge.builder("tandem.audit.database.up", this, m -> m.auditStatus(s -> s.databaseReachable() ? 1 : 0))
                .description("1 when the audit database answers").register(registry);
    }

    @Override
    public void decided(Interaction interaction, RoutingDecision decision) {
        String route = decision.route() == null ? "none" : decision.route().name();
        String queue = decision.queue() == null ? "none" : decision.queue();
        decisionCounters.computeIfAbsent(route + '\u0000' + queue, key -> Counter.builder("tandem.decisions")
                .description("Decisions by route and queue").tag("route", route).tag("queue", queue)
                .register(registry)).increment();
        latency.record(decision.latencyMicros(), TimeUnit.MICROSECONDS);
        if (decision.isFailSafe()) {
            registry.counter("tandem.failsafe", "reason", FailSafeReason.of(decision.failSafe())).increment();
        }
    }

    @Override
    public void deploymentEvent(DeploymentEvent event) {
        // a jar refused before its manifest was read, or a deploy attempt, names no ruleset
        registry.counter("tandem.deployments", "outcome", event.kind().name(), "ruleset",
                        event.ruleset() == null ? "unknown" : event.ruleset())
                .increment();
    }

    private double auditStatus(java.util.function.ToDoubleFunction<AuditStatus> value) {
        AuditLog current = audit;
        return current == null ? Double.NaN : value.applyAsDouble(current.status());
    }

    String scrape() {
        copyRunaways();
        return registry.scrape();
    }

    private void copyRunaways() {
        RunawayWatchStatus current = runaways;
        if (current == null) {
            return;
        }
        for (RunawayTally tally : current.tallies()) {
            tally.byLimit().forEach((limit, count) -> runawayCount(tally.version(), limit).set(count));
        }
    }

    private AtomicLong runawayCount(RulesetRef version, String limit) {
        return runawayCounts.computeIfAbsent(List.of(version.name(), version.version(), limit), key -> {
            AtomicLong count = new AtomicLong();
            FunctionCounter.builder("tandem.runaways", count, AtomicLong::get)
                    .description("Decisions whose rules ran into a limit and failed safe, since the engine started")
                    .tag("ruleset", version.name()).tag("version", version.version()).tag("limit", limit)
                    .register(registry);
            return count;
        });
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("GET")) {
            response.setHeader("Allow", "GET");
            response.sendError(405);
            return;
        }
        byte[] body = scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
