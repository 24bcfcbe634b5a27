package dev.tandem.json;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one configured mapper of this bundle; immutable configuration, safe to share between threads. */
final class Jackson {
    static final int MAX_NESTING_DEPTH = 32;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .build())
            .build();

    private Jackson() {
    }

    /** Plain values become their JSON equivalent; anything Jackson cannot serialise is shown as its toString(). */
    static JsonNode toNode(Object value) {
        try {
            return MAPPER.valueToTree(value);
        } catch (IllegalArgumentException notSerialisable) {
            return MAPPER.getNodeFactory().textNode(String.valueOf(value));
        }
    }

    static byte[] toBytes(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            // a tree of plain nodes always serialises; this would be a bug in Jackson
            throw new UncheckedIOException(e);
        }
    }
}
