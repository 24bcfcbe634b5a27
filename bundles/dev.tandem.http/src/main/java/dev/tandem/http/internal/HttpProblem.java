package dev.tandem.http.internal;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A request that ends in an RFC 9457 problem answer; thrown by handlers, written by {@link ApiServlet}. */
final class HttpProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;
    private final String allow;
    private final transient Map<String, JsonNode> extensions;

    private HttpProblem(int status, String detail, String field, String allow, Map<String, JsonNode> extensions) {
        super(detail, null, false, false); // an answer, not a failure: no stack trace needed
        this.status = status;
        this.field = field;
        this.allow = allow;
        this.extensions = Map.copyOf(extensions);
    }

    private static HttpProblem of(int status, String detail) {
        return new HttpProblem(status, detail, null, null, Map.of());
    }

    static HttpProblem badRequest(String detail, String field) {
        return new HttpProblem(400, detail, field, null, Map.of());
    }

    static HttpProblem unauthorized(String detail) {
        return of(401, detail);
    }

    static HttpProblem forbidden(String detail) {
        return of(403, detail);
    }

    static HttpProblem notFound(String detail) {
        return of(404, detail);
    }

    static HttpProblem methodNotAllowed(String method, String... allowed) {
        String allow = String.join(", ", allowed);
        return new HttpProblem(405, method + " is not allowed here; use " + allow + ".", null, allow, Map.of());
    }

    static HttpProblem conflict(String detail) {
        return of(409, detail);
    }

    static HttpProblem contentTooLarge(String detail) {
        return of(413, detail);
    }

    static HttpProblem unsupportedMediaType(String detail) {
        return of(415, detail);
    }

    static HttpProblem unprocessable(String detail, String member, JsonNode value) {
        return new HttpProblem(422, detail, null, null, Map.of(member, value));
    }

    static HttpProblem unavailable(String detail) {
        return of(503, detail);
    }

    static HttpProblem internalError() {
        return of(500, "The server failed to answer this request; the failure is logged.");
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }

    /** The methods the resource allows, for the Allow header of a 405; null otherwise. */
    String allow() {
        return allow;
    }

    Map<String, JsonNode> extensions() {
        return extensions;
    }

    /** The reason phrase: with the default problem type about:blank, RFC 9457 asks for it as the title. */
    String title() {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
