package dev.tandem.api;

/** The person behind an interaction; {@code tier} is the service level, e.g. {@code gold}. */
public record Customer(String id, String tier) {
    public static final Customer UNKNOWN = new Customer(null, null);
}
