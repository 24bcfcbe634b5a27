package dev.tandem.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * One recorded deployment event: DEPLOYED, REFUSED, ROLLED_BACK or UNINSTALLED.
 *
 * @param problems why a deployment was refused, one line each; empty otherwise
 */
public record DeploymentRecord(long sequence, String kind, String ruleset, String fromVersion, String toVersion,
                               String actor, Instant at, List<String> problems, String hash) {
    public DeploymentRecord {
        problems = List.copyOf(problems);
    }
}
