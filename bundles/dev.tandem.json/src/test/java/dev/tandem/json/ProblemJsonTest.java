package dev.tandem.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import dev.tandem.api.Problem;

class ProblemJsonTest {

    @Test
    void namesTheField() {
        assertEquals("""
                {"title":"Bad Request","status":400,"detail":"messages[0].text: expected a string, not a number",\
                "field":"messages[0].text"}""",
                new String(ProblemJson.write(400, "Bad Request", "messages[0].text: expected a string, not a number",
                        "messages[0].text"), UTF_8));
    }

    @Test
    void omitsAMissingField() {
        assertEquals("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no ruleset r\"}",
                new String(ProblemJson.write(404, "Not Found", "no ruleset r", null), UTF_8));
    }

    @Test
    void addsExtensionMembers() {
        byte[] body = ProblemJson.write(422, "Unprocessable Content", "rule bundle rejected", null,
                Map.of("problems", RulesetJson.problems(List.of(new Problem("a.drl", 1, 2, "oops")))));
        assertEquals("""
                {"title":"Unprocessable Content","status":422,"detail":"rule bundle rejected",\
                "problems":[{"file":"a.drl","line":1,"column":2,"message":"oops"}]}""", new String(body, UTF_8));
    }

    @Test
    void refusesToReplaceStandardMembers() {
        assertThrows(IllegalArgumentException.class,
                () -> ProblemJson.write(400, "Bad Request", "x", null, Map.of("status", new TextNode("200"))));
    }

    @Test
    void hasTheRfc9457MediaType() {
        assertEquals("application/problem+json", ProblemJson.MEDIA_TYPE);
    }
}
