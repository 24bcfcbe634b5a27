package dev.tandem.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.api.Problem;
import dev.tandem.api.RulesetInfo;
import dev.tandem.api.RulesetState;

class RulesetJsonTest {
    private static final RulesetInfo ACTIVE = new RulesetInfo("rules.escalation-default", "1.0.3",
            RulesetState.ACTIVE, Instant.parse("2025-03-04T05:06:07.123Z"), "ana", List.of());
    private static final RulesetInfo FAILED = new RulesetInfo("rules.escalation-default", "1.0.4",
            RulesetState.FAILED, Instant.parse("2025-03-05T00:00:00Z"), "anonymous",
            List.of(new Problem("rules/anger.drl", 12, 7, "unknown fact Sentiment"),
                    new Problem(null, 0, 0, "scenario 'refund' expected billing, got general")));

    @Test
    void writesARuleset() {
        assertEquals("""
                {"name":"rules.escalation-default","version":"1.0.3","state":"ACTIVE",\
                "deployedAt":"2025-03-04T05:06:07.123Z","deployedBy":"ana","problems":[]}""",
                RulesetJson.toTree(ACTIVE).toString());
    }

    @Test
    void writesProblemsWithUnknownPositionsAsZero() {
        assertEquals("""
                [{"file":"rules/anger.drl","line":12,"column":7,"message":"unknown fact Sentiment"},\
                {"file":null,"line":0,"column":0,"message":"scenario 'refund' expected billing, got general"}]""",
                RulesetJson.toTree(FAILED).get("problems").toString());
    }

    @Test
    void writesAListInOrder() {
        var array = RulesetJson.toTree(List.of(ACTIVE, FAILED));
        assertEquals(2, array.size());
        assertEquals("1.0.3", array.get(0).get("version").textValue());
        assertEquals("FAILED", array.get(1).get("state").textValue());
        assertEquals(RulesetJson.problems(FAILED.problems()), array.get(1).get("problems"));
    }
}
