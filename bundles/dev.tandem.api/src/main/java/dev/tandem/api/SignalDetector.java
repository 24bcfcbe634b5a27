package dev.tandem.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Plugin SPI: register an implementation as an OSGi service and the engine
 * runs it on every interaction before the rules (whiteboard pattern).
 * Must be thread-safe and fast; an exception makes the decision fail safe.
 */
@ConsumerType
public interface SignalDetector {
    /** Short name shown in decisions and logs, e.g. {@code lexicon}. */
    String name();

    List<Signal> detect(Interaction interaction);
}
