package dev.tandem.http.internal;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tandem.api.audit.AuditLog;
import dev.tandem.api.audit.DecisionQuery;
import dev.tandem.api.audit.DecisionRecord;
import dev.tandem.api.audit.DeploymentRecord;
import dev.tandem.json.AuditJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The read side of the audit trail over HTTP: one decision, a page of decisions, a page of deployments. */
final class AuditAnswers {
    private AuditAnswers() {
    }

    static void decision(AuditLog audit, String decisionId, HttpServletResponse response)
            throws HttpProblem, IOException {
        DecisionRecord record = read(() -> audit.decision(decisionId)).orElseThrow(() -> HttpProblem.notFound(
                "No decision " + decisionId + " is recorded (records arrive within the audit flush interval)."));
        ApiServlet.writeJson(response, 200, AuditJson.toTree(record));
    }

    static void decisions(AuditLog audit, HttpServletRequest request, HttpServletResponse response)
            throws HttpProblem, IOException {
        DecisionQuery query = DecisionQueryParameters.parse(request.getParameterMap());
        List<DecisionRecord> records = read(() -> audit.decisions(query));
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        ArrayNode items = page.putArray("decisions");
        records.forEach(record -> items.add(AuditJson.toTree(record)));
        if (records.size() == query.limit()) {
            page.put("next", nextPage(request, records.get(records.size() - 1).sequence()));
        }
        ApiServlet.writeJson(response, 200, page);
    }

    static void deployments(AuditLog audit, HttpServletRequest request, HttpServletResponse response)
            throws HttpProblem, IOException {
        DecisionQuery paging = DecisionQueryParameters.parse(request.getParameterMap());
        List<DeploymentRecord> records = read(() -> audit.deployments(paging.afterSequence(), paging.limit()));
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        ArrayNode items = page.putArray("deployments");
        records.forEach(record -> items.add(AuditJson.toTree(record)));
        if (records.size() == paging.limit()) {
            page.put("next", nextPage(request, records.get(records.size() - 1).sequence()));
        }
        ApiServlet.writeJson(response, 200, page);
    }

    /** The same query, continuing after the last record shown. */
    static String nextPage(HttpServletRequest request, long lastSequence) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        String others = String.join("&", java.util.Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith("after=")).toList());
        return request.getRequestURI() + "?" + (others.isEmpty() ? "" : others + "&") + "after=" + lastSequence;
    }

    @FunctionalInterface
    private interface Read<T> {
        T run();
    }

    private static <T> T read(Read<T> read) throws HttpProblem {
        try {
            return read.run();
        } catch (IllegalStateException unreadable) {
            throw HttpProblem.unavailable("The audit database cannot be read now; decisions are still "
                    + "recorded and will be queryable when it is back.");
        }
    }
}
