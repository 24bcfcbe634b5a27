package dev.tandem.json;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the members of one JSON object strictly; every error names the member's path. */
final class Fields {
    private final JsonNode object;
    private final String path;

    private Fields(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    static Fields of(JsonNode node, String path) throws InvalidInputException {
        if (node == null || node.isMissingNode()) {
            throw new InvalidInputException(JsonPath.orNull(path), "expected a JSON object, found nothing");
        }
        if (!node.isObject()) {
            throw new InvalidInputException(JsonPath.orNull(path), "expected a JSON object, not " + describe(node));
        }
        return new Fields(node, path);
    }

    /** Rejects the first member whose name is not listed, so that typos do not pass silently. */
    void allowOnly(List<String> names) throws InvalidInputException {
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            String name = member.getKey();
            if (!names.contains(name)) {
                throw invalid(name, "unknown field; expected one of " + String.join(", ", names));
            }
        }
    }

    String requiredString(String name, int maxLength) throws InvalidInputException {
        String value = optionalString(name, maxLength);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    String requiredNonBlankString(String name, int maxLength) throws InvalidInputException {
        String value = requiredString(name, maxLength);
        if (value.isBlank()) {
            throw invalid(name, "must not be blank");
        }
        return value;
    }

    /** Absent and JSON null both mean "not given". */
    String optionalString(String name, int maxLength) throws InvalidInputException {
        JsonNode value = object.get(name);
        if (isAbsent(value)) {
            return null;
        }
        return string(value, pathOf(name), maxLength);
    }

    Fields optionalObject(String name) throws InvalidInputException {
        JsonNode value = object.get(name);
        return isAbsent(value) ? null : of(value, pathOf(name));
    }

    JsonNode requiredArray(String name, int maxItems) throws InvalidInputException {
        JsonNode value = object.get(name);
        if (isAbsent(value)) {
            throw missing(name);
        }
        if (!value.isArray()) {
            throw invalid(name, "expected an array, not " + describe(value));
        }
        if (value.isEmpty()) {
            throw invalid(name, "must not be empty");
        }
        if (value.size() > maxItems) {
            throw invalid(name, "must have at most " + maxItems + " items, not " + value.size());
        }
        return value;
    }

    OptionalDouble optionalNumber(String name) throws InvalidInputException {
        JsonNode value = object.get(name);
        if (isAbsent(value)) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber()) {
            throw invalid(name, "expected a number, not " + describe(value));
        }
        return OptionalDouble.of(value.doubleValue());
    }

    JsonNode node() {
        return object;
    }

    String pathOf(String name) {
        return JsonPath.child(path, name);
    }

    InvalidInputException invalid(String name, String problem) {
        return new InvalidInputException(pathOf(name), problem);
    }

    static String string(JsonNode value, String path, int maxLength) throws InvalidInputException {
        if (!value.isTextual()) {
            throw new InvalidInputException(path, "expected a string, not " + describe(value));
        }
        String text = value.textValue();
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw new InvalidInputException(path, "must be at most " + maxLength + " characters long, not " + length);
        }
        return text;
    }

    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case BINARY -> "binary data";
            case MISSING -> "nothing";
        };
    }

    private InvalidInputException missing(String name) {
        return invalid(name, "is required");
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }
}
