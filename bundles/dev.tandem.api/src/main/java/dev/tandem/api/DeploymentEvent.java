package dev.tandem.api;

import java.time.Instant;
import java.util.List;

/**
 * Something that happened to a ruleset's versions, or an attempt to change them: ACCESS_GRANTED and
 * ACCESS_DENIED record every deploy or rollback request the HTTP API authorised or refused, with
 * the authenticated principal (or "anonymous") as actor and the request and its source address as problems.
 *
 * @param fromVersion the version active before, or null
 * @param toVersion   the version active after (for REFUSED: the refused one), or null
 * @param actor       who asked for it
 * @param problems    why a deployment was refused; empty otherwise
 */
public record DeploymentEvent(Kind kind, String ruleset, String fromVersion, String toVersion, String actor,
                              Instant at, List<Problem> problems) {
    public enum Kind { DEPLOYED, REFUSED, ROLLED_BACK, UNINSTALLED, ACCESS_GRANTED, ACCESS_DENIED }

    public DeploymentEvent {
        problems = List.copyOf(problems);
    }
}
