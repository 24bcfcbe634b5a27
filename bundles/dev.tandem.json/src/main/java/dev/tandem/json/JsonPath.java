package dev.tandem.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonStreamContext;

/** Paths like {@code messages[1].text} that name a field in error messages; the root is the empty path. */
final class JsonPath {
    static final String ROOT = "";
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private JsonPath() {
    }

    static String child(String parent, String name) {
        if (!PLAIN_NAME.matcher(name).matches()) {
            return parent + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        }
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The root as null, which is how {@link InvalidInputException#field()} says "the whole input". */
    static String orNull(String path) {
        return path.isEmpty() ? null : path;
    }

    /** Where a streaming parser stands, e.g. at a duplicate key; null at the root. */
    static String of(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        String path = ROOT;
        for (JsonStreamContext c : chain) {
            if (c.inObject() && c.getCurrentName() != null) {
                path = child(path, c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                path = element(path, c.getCurrentIndex());
            }
        }
        return orNull(path);
    }
}
