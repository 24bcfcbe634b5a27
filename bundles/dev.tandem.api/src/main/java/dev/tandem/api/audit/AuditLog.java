package dev.tandem.api.audit;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the audit trail. Records reach it asynchronously: a decision is queryable once the
 * recorder has flushed it, normally within the configured flush interval.
 */
@ProviderType
public interface AuditLog {
    Optional<DecisionRecord> decision(String decisionId);

    /** Decisions matching the query, oldest first, at most {@code query.limit()}. */
    List<DecisionRecord> decisions(DecisionQuery query);

    /** Deployment events after the given sequence number, oldest first. */
    List<DeploymentRecord> deployments(long afterSequence, int limit);

    /** How far behind the recorder is and whether its database answers. */
    AuditStatus status();
}
