package dev.tandem.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tandem.api.Customer;
import dev.tandem.api.Interaction;
import dev.tandem.api.Message;

/**
 * Reads an {@link Interaction} from its JSON form (DESIGN.md §5) and writes it. Reading is strict:
 * unknown fields, wrong types, missing required fields and oversized values are
 * errors that name the field. Optional fields may be absent or JSON null.
 */
public final class InteractionJson {
    static final int MAX_INTERACTION_ID_LENGTH = 128;
    static final int MAX_CHANNEL_LENGTH = 64;
    static final int MAX_LANGUAGE_LENGTH = 16;
    static final int MAX_CUSTOMER_ID_LENGTH = 128;
    static final int MAX_CUSTOMER_TIER_LENGTH = 32;
    static final int MAX_MESSAGES = 200;
    static final int MAX_FROM_LENGTH = 32;
    static final int MAX_TEXT_LENGTH = 10_000;
    static final int MAX_ATTRIBUTES = 64;
    static final int MAX_ATTRIBUTE_NAME_LENGTH = 64;
    static final int MAX_ATTRIBUTE_TEXT_LENGTH = 1_000;

    private static final List<String> INTERACTION_FIELDS =
            List.of("interactionId", "channel", "language", "customer", "messages", "aiConfidence", "attributes");
    private static final List<String> CUSTOMER_FIELDS = List.of("id", "tier");
    private static final List<String> MESSAGE_FIELDS = List.of("from", "text");
    // BCP 47 in shape only (en, zh, id, en-GB, zh-Hant-TW): enough to keep junk out of agent skills
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private InteractionJson() {
    }

    /** Parses UTF-8 JSON bytes: malformed JSON, invalid UTF-8, duplicate keys and deep nesting are rejected too. */
    public static Interaction read(byte[] json) throws InvalidInputException {
        return read(StrictParser.parse(json));
    }

    /** Reads an already parsed interaction, e.g. one of a scenario file; paths are relative to {@code node}. */
    public static Interaction read(JsonNode node) throws InvalidInputException {
        Fields body = Fields.of(node, JsonPath.ROOT);
        body.allowOnly(INTERACTION_FIELDS);
        String interactionId = body.requiredNonBlankString("interactionId", MAX_INTERACTION_ID_LENGTH);
        String channel = body.optionalString("channel", MAX_CHANNEL_LENGTH);
        String language = language(body);
        Customer customer = customer(body.optionalObject("customer"));
        List<Message> messages = messages(body);
        Double aiConfidence = aiConfidence(body);
        Map<String, Object> attributes = attributes(body);
        return new Interaction(interactionId, channel, language, customer, messages, aiConfidence, attributes);
    }

    /** The JSON form that {@link #read(byte[])} accepts; absent values are left out. */
    public static byte[] write(Interaction interaction) {
        return Jackson.toBytes(toTree(interaction));
    }

    public static ObjectNode toTree(Interaction interaction) {
        ObjectNode json = Jackson.MAPPER.createObjectNode();
        json.put("interactionId", interaction.getInteractionId());
        putIfPresent(json, "channel", interaction.getChannel());
        putIfPresent(json, "language", interaction.getLanguage());
        Customer customer = interaction.getCustomer();
        if (customer.id() != null || customer.tier() != null) {
            ObjectNode customerJson = json.putObject("customer");
            putIfPresent(customerJson, "id", customer.id());
            putIfPresent(customerJson, "tier", customer.tier());
        }
        ArrayNode messages = json.putArray("messages");
        interaction.getMessages().forEach(m -> messages.addObject().put("from", m.from()).put("text", m.text()));
        if (interaction.getAiConfidence() != null) {
            json.put("aiConfidence", interaction.getAiConfidence());
        }
        if (!interaction.getAttributes().isEmpty()) {
            ObjectNode attributes = json.putObject("attributes");
            new TreeMap<>(interaction.getAttributes())
                    .forEach((name, value) -> attributes.set(name, Jackson.toNode(value)));
        }
        return json;
    }

    private static void putIfPresent(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static String language(Fields body) throws InvalidInputException {
        String language = body.optionalString("language", MAX_LANGUAGE_LENGTH);
        if (language != null && !LANGUAGE_TAG.matcher(language).matches()) {
            throw body.invalid("language",
                    "expected a language tag like en, zh, id or en-GB, not \"" + language + "\"");
        }
        return language;
    }

    private static Customer customer(Fields customer) throws InvalidInputException {
        if (customer == null) {
            return null;
        }
        customer.allowOnly(CUSTOMER_FIELDS);
        return new Customer(customer.optionalString("id", MAX_CUSTOMER_ID_LENGTH),
                customer.optionalString("tier", MAX_CUSTOMER_TIER_LENGTH));
    }

    private static List<Message> messages(Fields body) throws InvalidInputException {
        JsonNode array = body.requiredArray("messages", MAX_MESSAGES);
        List<Message> messages = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Fields message = Fields.of(array.get(i), JsonPath.element(body.pathOf("messages"), i));
            message.allowOnly(MESSAGE_FIELDS);
            messages.add(new Message(message.requiredNonBlankString("from", MAX_FROM_LENGTH),
                    message.requiredString("text", MAX_TEXT_LENGTH)));
        }
        return messages;
    }

    private static Double aiConfidence(Fields body) throws InvalidInputException {
        OptionalDouble confidence = body.optionalNumber("aiConfidence");
        if (confidence.isEmpty()) {
            return null;
        }
        double value = confidence.getAsDouble();
        if (!(value >= 0 && value <= 1)) {
            throw body.invalid("aiConfidence", "must be between 0 and 1, not " + value);
        }
        return value;
    }

    private static Map<String, Object> attributes(Fields body) throws InvalidInputException {
        Fields attributes = body.optionalObject("attributes");
        if (attributes == null) {
            return Map.of();
        }
        JsonNode object = attributes.node();
        if (object.size() > MAX_ATTRIBUTES) {
            throw body.invalid("attributes", "must have at most " + MAX_ATTRIBUTES + " entries, not " + object.size());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            values.put(entry.getKey(), attribute(entry.getKey(), entry.getValue(), attributes.pathOf(entry.getKey())));
        }
        return values;
    }

    private static Object attribute(String name, JsonNode value, String path) throws InvalidInputException {
        if (name.isBlank() || name.length() > MAX_ATTRIBUTE_NAME_LENGTH) {
            throw new InvalidInputException(path, "attribute names must be 1 to " + MAX_ATTRIBUTE_NAME_LENGTH
                    + " characters long and not blank");
        }
        if (value.isTextual()) {
            return Fields.string(value, path, MAX_ATTRIBUTE_TEXT_LENGTH);
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return number(value, path);
        }
        throw new InvalidInputException(path, "expected a string, number or boolean, not " + Fields.describe(value));
    }

    /** Integers become Long and other numbers Double, so that rules see the usual Java types. */
    private static Number number(JsonNode value, String path) throws InvalidInputException {
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw new InvalidInputException(path, "integer out of the 64-bit range");
            }
            return value.longValue();
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            throw new InvalidInputException(path, "number out of range");
        }
        return number;
    }
}
