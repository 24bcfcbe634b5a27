package dev.tandem.http.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import dev.tandem.api.audit.AuditLog;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** GET /api/v1/deployments?limit=&after=: every recorded deployment, refusal, rollback and uninstall, oldest first. */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern("/api/v1/deployments")
public class DeploymentsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws HttpProblem, IOException {
        if (!request.getMethod().equals("GET")) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "GET");
        }
        AuditLog current = audit;
        if (current == null) {
            throw HttpProblem.unavailable("The audit trail is not running; try again shortly.");
        }
        AuditAnswers.deployments(current, request, response);
    }
}
