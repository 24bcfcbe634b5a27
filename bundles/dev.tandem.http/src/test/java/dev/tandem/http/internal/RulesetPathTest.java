package dev.tandem.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RulesetPathTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "/")
    void addressesAllRulesets(String pathInfo) {
        assertEquals(new RulesetPath.All(), RulesetPath.parse(pathInfo));
    }

    @Test
    void addressesTheVersionsOfOneRuleset() {
        assertEquals(new RulesetPath.Versions("rules.escalation-default"),
                RulesetPath.parse("/rules.escalation-default"));
    }

    @Test
    void addressesOneVersion() {
        assertEquals(new RulesetPath.Version("rules.escalation-default", "1.0.3.202501011200"),
                RulesetPath.parse("/rules.escalation-default/1.0.3.202501011200"));
    }

    @Test
    void addressesARollback() {
        assertEquals(new RulesetPath.Rollback("rules.escalation-default"),
                RulesetPath.parse("/rules.escalation-default/rollback"));
    }

    @Test
    void addressesTheFilesOfOneVersion() {
        assertEquals(new RulesetPath.Files("rules.escalation-default", "1.0.3"),
                RulesetPath.parse("/rules.escalation-default/1.0.3/files"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "//", "/a/", "/a//rollback", "/a/rollback/", "/a/rollback/now", "/a/1.0/x",
            "/a/1.0/files/x", "/a/1.0/file", "/ /rollback", "rules"})
    void addressesNothingElse(String pathInfo) {
        assertEquals(new RulesetPath.Unknown(), RulesetPath.parse(pathInfo));
    }
}
