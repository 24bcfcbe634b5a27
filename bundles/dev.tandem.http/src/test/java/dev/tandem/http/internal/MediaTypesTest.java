package dev.tandem.http.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON",
            " application/json ;charset=UTF-8", "application/vnd.tandem.interaction+json"})
    void acceptsJson(String contentType) {
        assertTrue(MediaTypes.isJson(contentType));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonp", "text/json+x",
            "application/java-archive"})
    void rejectsOtherThanJson(String contentType) {
        assertFalse(MediaTypes.isJson(contentType));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/java-archive", "application/octet-stream", "APPLICATION/OCTET-STREAM; x=y"})
    void acceptsJars(String contentType) {
        assertTrue(MediaTypes.isJar(contentType));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"application/json", "multipart/form-data; boundary=x", "application/zip"})
    void rejectsOtherThanJars(String contentType) {
        assertFalse(MediaTypes.isJar(contentType));
    }
}
