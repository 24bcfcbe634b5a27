package dev.tandem.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PathSegmentTest {

    @Test
    void keepsBundleNamesAndVersions() {
        assertEquals("rules.escalation-default", PathSegment.encode("rules.escalation-default"));
        assertEquals("1.0.3.2025_01-x", PathSegment.encode("1.0.3.2025_01-x"));
    }

    @Test
    void escapesEverythingElseAsUtf8() {
        assertEquals("a%2Fb%20c%3F%25", PathSegment.encode("a/b c?%"));
        assertEquals("%E8%A7%84%E5%88%99", PathSegment.encode("规则"));
    }
}
