package dev.tandem.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard: hears every deployment, refusal, rollback and uninstall of a rule bundle. Must return quickly. */
@ConsumerType
public interface DeploymentListener {
    void deploymentEvent(DeploymentEvent event);
}
