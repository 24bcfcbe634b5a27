package dev.tandem.json;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * RFC 9457 problem details: {@code {"title", "status", "detail", "field"?, ...extensions}}. Without a
 * {@code type} member the type is {@code about:blank}, so the title should be the status' reason phrase.
 */
public final class ProblemJson {
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance", "field");

    private ProblemJson() {
    }

    /** @param field the JSON path of the offending input field, omitted when null */
    public static byte[] write(int status, String title, String detail, String field) {
        return write(status, title, detail, field, Map.of());
    }

    /** @param extensions further members, e.g. {@code problems}; they may not replace the standard ones */
    public static byte[] write(int status, String title, String detail, String field,
                               Map<String, ? extends JsonNode> extensions) {
        ObjectNode json = Jackson.MAPPER.createObjectNode();
        json.put("title", title);
        json.put("status", status);
        json.put("detail", detail);
        if (field != null) {
            json.put("field", field);
        }
        extensions.forEach((name, value) -> {
            if (STANDARD_MEMBERS.contains(name)) {
                throw new IllegalArgumentException("extension member may not replace the standard member " + name);
            }
            json.set(name, value);
        });
        return Jackson.toBytes(json);
    }
}
