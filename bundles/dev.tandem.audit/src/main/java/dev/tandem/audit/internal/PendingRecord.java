package dev.tandem.audit.internal;

import dev.tandem.api.DeploymentEvent;
import dev.tandem.api.Interaction;
import dev.tandem.api.RoutingDecision;

/**
 * What the deciding thread hands over: cheap to make, turned into a row on the writer's thread
 * so that serialisation stays off the hot path.
 */
sealed interface PendingRecord {
    AuditEntry toEntry();

    record Decision(Interaction interaction, RoutingDecision decision, long atMillis, boolean keepText)
            implements PendingRecord {
        @Override
        public AuditEntry toEntry() {
            return AuditEntries.decision(interaction, decision, atMillis, keepText);
        }
    }

    record Deployment(DeploymentEvent event) implements PendingRecord {
        @Override
        public AuditEntry toEntry() {
            return AuditEntries.deployment(event);
        }
    }

    record Ready(AuditEntry entry) implements PendingRecord {
        @Override
        public AuditEntry toEntry() {
            return entry;
        }
    }
}
