package dev.tandem.http.internal;

import java.util.Locale;
import java.util.Set;

/** Content-Type checks; parameters such as charset are ignored, the body is always read as bytes. */
final class MediaTypes {
    private static final Set<String> JAR = Set.of("application/java-archive", "application/octet-stream");

    private MediaTypes() {
    }

    /** application/json and its structured-syntax relatives such as application/vnd.tandem+json. */
    static boolean isJson(String contentType) {
        String type = essence(contentType);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    static boolean isJar(String contentType) {
        return JAR.contains(essence(contentType));
    }

    /** For error messages. */
    static String describe(String contentType) {
        return contentType == null ? "without a Content-Type" : contentType;
    }

    /** The type/subtype, lower case, without parameters; "" when there is no Content-Type. */
    static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
