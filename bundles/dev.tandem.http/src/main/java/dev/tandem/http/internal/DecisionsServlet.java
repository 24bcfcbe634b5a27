package dev.tandem.http.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import dev.tandem.api.Interaction;
import dev.tandem.api.Router;
import dev.tandem.api.audit.AuditLog;
import dev.tandem.json.DecisionJson;
import dev.tandem.json.InteractionJson;
import dev.tandem.json.InvalidInputException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * POST /api/v1/decisions: an interaction in, its routing decision out.
 * GET /api/v1/decisions?filters and GET /api/v1/decisions/{decisionId}: the audit trail's records.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern({DecisionsServlet.BASE, DecisionsServlet.BASE + "/*"})
public class DecisionsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    static final String BASE = "/api/v1/decisions";
    static final int MAX_BODY_BYTES = BoundedBody.MEBIBYTE;

    // optional, so that while the engine restarts clients get 503 rather than 404
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Router router;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws HttpProblem, IOException {
        String pathInfo = request.getPathInfo();
        boolean base = pathInfo == null || pathInfo.equals("/");
        if (base && request.getMethod().equals("POST")) {
            decide(request, response);
        } else if (base && request.getMethod().equals("GET")) {
            AuditAnswers.decisions(audit(), request, response);
        } else if (base) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "GET", "POST");
        } else if (pathInfo.indexOf('/', 1) >= 0) {
            throw HttpProblem.notFound("There is no API resource at " + request.getRequestURI() + ".");
        } else if (request.getMethod().equals("GET")) {
            AuditAnswers.decision(audit(), pathInfo.substring(1), response);
        } else {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "GET");
        }
    }

    private AuditLog audit() throws HttpProblem {
        AuditLog current = audit;
        if (current == null) {
            throw HttpProblem.unavailable("The audit trail is not running; try again shortly.");
        }
        return current;
    }

    private void decide(HttpServletRequest request, HttpServletResponse response) throws HttpProblem, IOException {
        if (!MediaTypes.isJson(request.getContentType())) {
            throw HttpProblem.unsupportedMediaType("An interaction must be sent as application/json, not "
                    + MediaTypes.describe(request.getContentType()) + ".");
        }
        Interaction interaction = interaction(BoundedBody.read(request, MAX_BODY_BYTES));
        Router current = router;
        if (current == null) {
            throw HttpProblem.unavailable("The routing engine is not running; try again shortly.");
        }
        write(response, 200, JSON, DecisionJson.write(current.decide(interaction)));
    }

    private static Interaction interaction(byte[] body) throws HttpProblem {
        try {
            return InteractionJson.read(body);
        } catch (InvalidInputException e) {
            throw HttpProblem.badRequest(e.getMessage(), e.field());
        }
    }
}
