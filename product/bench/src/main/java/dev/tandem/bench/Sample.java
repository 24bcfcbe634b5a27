package dev.tandem.bench;

import java.util.List;

import dev.tandem.api.Interaction;
import dev.tandem.api.Signal;

/** One generated interaction with the signals an upstream detector would have found in it. */
public record Sample(Interaction interaction, List<Signal> signals) {
}
