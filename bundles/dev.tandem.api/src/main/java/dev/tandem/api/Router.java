package dev.tandem.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Decides who handles an interaction. Never throws for a valid interaction: when it cannot decide it fails safe to a human. */
@ProviderType
public interface Router {
    RoutingDecision decide(Interaction interaction);

    /**
     * Decides with signals already known (computed upstream, replayed from an audit, given by a test),
     * running no detector.
     */
    RoutingDecision decide(Interaction interaction, List<Signal> knownSignals);
}
