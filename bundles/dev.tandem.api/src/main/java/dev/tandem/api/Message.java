package dev.tandem.api;

/** One turn of the conversation; {@code from} is {@code customer}, {@code assistant} or {@code agent}. */
public record Message(String from, String text) {
    public static final String CUSTOMER = "customer";

    public boolean fromCustomer() {
        return CUSTOMER.equals(from);
    }
}
