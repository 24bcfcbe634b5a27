package dev.tandem.http.internal;

/** What a request may do; roles grant these, each endpoint requires one (or none: health). */
enum Permission {
    /** POST /api/v1/decisions (and /api/v1/noop) */
    DECIDE,
    /** GET decisions, rulesets, deployments */
    READ,
    /** POST /api/v1/rulesets */
    DEPLOY,
    /** POST /api/v1/rulesets/{name}/rollback */
    ROLLBACK;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
