package dev.tandem.api;

/** Why a decision came out as it did: the rule that said so (its name is a sentence) and the evidence. */
public record Reason(String rule, String detail) {
}
