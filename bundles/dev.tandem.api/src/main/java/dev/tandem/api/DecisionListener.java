package dev.tandem.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: every registered listener hears of every decision (audit, metrics).
 * Called on the deciding thread, so it must return at once and hand slow work
 * to its own threads; an exception is logged and does not change the decision.
 */
@ConsumerType
public interface DecisionListener {
    void decided(Interaction interaction, RoutingDecision decision);
}
