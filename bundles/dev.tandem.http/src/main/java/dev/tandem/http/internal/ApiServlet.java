package dev.tandem.http.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tandem.json.ProblemJson;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Base of the API's servlets: dispatches every method to {@link #handle}, so that every error,
 * a wrong method included, is answered as problem+json, and no stack trace reaches a client.
 */
abstract class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger(ApiServlet.class.getName());
    static final String JSON = "application/json";

    protected abstract void handle(HttpServletRequest request, HttpServletResponse response)
            throws HttpProblem, IOException;

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            handle(request, response);
        } catch (HttpProblem problem) {
            writeProblem(response, problem);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Failed to answer " + request.getMethod() + " " + request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.reset();
                writeProblem(response, HttpProblem.internalError());
            }
        }
    }

    static void writeJson(HttpServletResponse response, int status, JsonNode json) throws IOException {
        write(response, status, JSON, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void write(HttpServletResponse response, int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void writeProblem(HttpServletResponse response, HttpProblem problem) throws IOException {
        if (problem.allow() != null) {
            response.setHeader("Allow", problem.allow());
        }
        write(response, problem.status(), ProblemJson.MEDIA_TYPE, ProblemJson.write(problem.status(),
                problem.title(), problem.getMessage(), problem.field(), problem.extensions()));
    }
}
