package dev.tandem.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A customer interaction to route. Immutable; also the main fact that
 * escalation rules reason over, hence the bean-style getters.
 */
public final class Interaction {
    private final String interactionId;
    private final String channel;
    private final String language;
    private final Customer customer;
    private final List<Message> messages;
    private final Double aiConfidence;
    private final Map<String, Object> attributes;

    /**
     * @param aiConfidence the assistant's confidence in [0,1], or null when the channel does not say; rules
     *                     comparing it ({@code aiConfidence < 0.5}) are then simply false
     */
    public Interaction(String interactionId, String channel, String language, Customer customer,
                       List<Message> messages, Double aiConfidence, Map<String, Object> attributes) {
        this.interactionId = Objects.requireNonNull(interactionId, "interactionId");
        this.channel = channel;
        this.language = language;
        this.customer = customer == null ? Customer.UNKNOWN : customer;
        this.messages = List.copyOf(messages);
        this.aiConfidence = aiConfidence;
        this.attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public String getInteractionId() { return interactionId; }
    public String getChannel() { return channel; }
    public String getLanguage() { return language; }
    public Customer getCustomer() { return customer; }
    public String getCustomerTier() { return customer.tier(); }
    public List<Message> getMessages() { return messages; }
    public Double getAiConfidence() { return aiConfidence; }
    public Map<String, Object> getAttributes() { return attributes; }

    /** The text of the latest customer message, or "" when the customer has not written. */
    public String getLastCustomerText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).fromCustomer()) {
                return messages.get(i).text();
            }
        }
        return "";
    }

    /** A numeric attribute, or 0 when absent or not a number: rules compare without null checks. */
    public double number(String attribute) {
        return attributes.get(attribute) instanceof Number n ? n.doubleValue() : 0;
    }

    /** A text attribute, or null when absent. */
    public String text(String attribute) {
        Object value = attributes.get(attribute);
        return value == null ? null : value.toString();
    }

    /** The same interaction in another language, e.g. once a detector has recognised it. */
    public Interaction withLanguage(String newLanguage) {
        return new Interaction(interactionId, channel, newLanguage, customer, messages, aiConfidence, attributes);
    }

    @Override
    public String toString() {
        return "Interaction[" + interactionId + ", " + language + ", " + messages.size() + " messages]";
    }
}
