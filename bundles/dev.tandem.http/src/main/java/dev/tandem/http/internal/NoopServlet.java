package dev.tandem.http.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * POST /api/v1/noop: reads the body like the decision endpoint and answers a fixed small
 * JSON without deciding. Load tests measure it beside /api/v1/decisions as the server's ceiling.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern("/api/v1/noop")
public class NoopServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private static final byte[] ANSWER = "{\"route\":\"AI\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws HttpProblem, IOException {
        if (!request.getMethod().equals("POST")) {
            throw HttpProblem.methodNotAllowed(request.getMethod(), "POST");
        }
        BoundedBody.read(request, DecisionsServlet.MAX_BODY_BYTES);
        write(response, 200, JSON, ANSWER);
    }
}
