package dev.tandem.http.internal;

import java.util.Optional;

/**
 * Which permission a request needs, from its method and path (below the context, percent-decoded).
 * Health is open, for load balancers; /metrics is served by the metrics bundle outside this API and open too.
 * Everything else under /api needs a permission, unknown paths included, so that probing learns nothing.
 */
final class AccessRules {
    static final String API = "/api/v1";

    private AccessRules() {
    }

    /** @return empty when the request needs no credentials */
    static Optional<Permission> required(String method, String path) {
        if (path.equals(API + "/health")) {
            return Optional.empty();
        }
        boolean reads = method.equals("GET") || method.equals("HEAD");
        if (under(path, DecisionsServlet.BASE) || path.equals(API + "/noop")) {
            return Optional.of(reads ? Permission.READ : Permission.DECIDE);
        }
        if (under(path, RulesetsServlet.BASE) && !reads) {
            return Optional.of(path.endsWith("/" + RulesetPath.ROLLBACK) ? Permission.ROLLBACK : Permission.DEPLOY);
        }
        return Optional.of(Permission.READ);
    }

    private static boolean under(String path, String base) {
        return path.equals(base) || path.startsWith(base + "/");
    }
}
