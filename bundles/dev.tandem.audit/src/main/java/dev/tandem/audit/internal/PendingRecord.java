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

    /**
     * Holds the decision and only what it needs of the interaction, not the interaction itself: records
     * may wait in the buffer long enough to outlive a young collection, and the messages need not.
     */
    record Decision(RoutingDecision decision, String channel, String messageText, long atMillis)
            implements PendingRecord {
        static Decision of(Interaction interaction, RoutingDecision decision, long atMillis, boolean keepText) {
            return new Decision(decision, interaction.getChannel(), keepText ? interaction.getLastCustomerText() : null,
                    atMillis);
        }

        @Override
        public AuditEntry toEntry() {
            return AuditEntries.decision(decision, channel, messageText, atMillis);
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
