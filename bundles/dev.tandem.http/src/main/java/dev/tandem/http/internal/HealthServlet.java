package dev.tandem.http.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tandem.api.Router;
import dev.tandem.api.RulesetInfo;
import dev.tandem.api.RulesetRegistry;
import dev.tandem.api.RulesetState;
import dev.tandem.api.RunawayTally;
import dev.tandem.api.RunawayWatchStatus;
import dev.tandem.api.SignalDetector;
import dev.tandem.api.audit.AuditLog;
import dev.tandem.api.audit.AuditStatus;
import dev.tandem.json.RulesetJson;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * GET /api/v1/health: UP with an active ruleset; DEGRADED without one (still 200: the engine answers,
 * failing safe to humans); DOWN with 503 while the engine's services are missing. The audit trail's
 * backlog and database reachability are reported beside it and never change the status: decisions flow on.
 * Each active ruleset shows its runaway decisions: since start by limit, and within the containment window.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern("/api/v1/health")
public class HealthServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger(HealthServlet.class.getName());

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Router router;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RulesetRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RunawayWatchStatus runaways;

    @Reference(service = SignalDetector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE)
    private final List<SignalDetector> detectors = new CopyOnWriteArrayList<>();

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws HttpProblem, IOException {
        if (!request.getMethod().equals("GET")) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "GET");
        }
        RulesetRegistry currentRegistry = registry;
        boolean engineRunning = router != null && currentRegistry != null;
        List<RulesetInfo> active = engineRunning ? active(currentRegistry) : List.of();
        String status = !engineRunning ? "DOWN" : active.isEmpty() ? "DEGRADED" : "UP";

        ObjectNode health = JsonNodeFactory.instance.objectNode();
        health.put("status", status);
        health.set("rulesets", rulesets(active));
        health.set("detectors", detectorNames());
        health.set("audit", audit());
        writeJson(response, engineRunning ? 200 : 503, health);
    }

    /** Each active ruleset with its runaway decisions: all of them since start, and those in the current window. */
    private ArrayNode rulesets(List<RulesetInfo> active) {
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        RunawayWatchStatus watch = runaways;
        for (RulesetInfo ruleset : active) {
            ObjectNode entry = RulesetJson.toTree(ruleset);
            if (watch != null) {
                entry.set("runaways", runaways(watch.tally(ruleset.ref())));
            }
            json.add(entry);
        }
        return json;
    }

    private static ObjectNode runaways(RunawayTally tally) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("total", tally.total());
        ObjectNode byLimit = json.putObject("byLimit");
        tally.byLimit().forEach(byLimit::put);
        json.put("inWindow", tally.inWindow());
        json.put("withdrawAt", tally.withdrawAt());
        json.put("windowSeconds", tally.windowSeconds());
        return json;
    }

    private ObjectNode audit() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        AuditLog current = audit;
        if (current == null) {
            return json.put("status", "DOWN");
        }
        AuditStatus status = current.status();
        // decisions keep flowing while the database is away: records wait in the spill file
        json.put("status", status.databaseReachable() ? "UP" : "SPILLING");
        json.put("database", status.database());
        json.put("databaseReachable", status.databaseReachable());
        json.put("backlog", status.backlog());
        json.put("spilledRecords", status.spilledRecords());
        json.put("recordedRecords", status.recordedRecords());
        if (status.lastError() != null) {
            json.put("lastError", status.lastError());
        }
        return json;
    }

    private static List<RulesetInfo> active(RulesetRegistry registry) {
        return registry.rulesets().stream().filter(r -> r.state() == RulesetState.ACTIVE).toList();
    }

    private ArrayNode detectorNames() {
        ArrayNode names = JsonNodeFactory.instance.arrayNode();
        for (SignalDetector detector : detectors) {
            names.add(name(detector));
        }
        return names;
    }

    // a plugin's bug must not take the health check down with it
    private static String name(SignalDetector detector) {
        try {
            return detector.name();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Signal detector " + detector.getClass().getName() + " failed to name itself", e);
            return detector.getClass().getName();
        }
    }
}
