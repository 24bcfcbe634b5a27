package dev.tandem.api;

import org.osgi.annotation.versioning.ProviderType;

/** Decides who handles an interaction. Never throws for a valid interaction: when it cannot decide it fails safe to a human. */
@ProviderType
public interface Router {
    RoutingDecision decide(Interaction interaction);
}
