package dev.tandem.json;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tandem.api.Problem;
import dev.tandem.api.RulesetInfo;

/** Writes deployed rulesets and their problems: {@code deployedAt} is ISO-8601 in UTC. */
public final class RulesetJson {
    private RulesetJson() {
    }

    public static ObjectNode toTree(RulesetInfo ruleset) {
        ObjectNode json = Jackson.MAPPER.createObjectNode();
        json.put("name", ruleset.name());
        json.put("version", ruleset.version());
        json.put("state", ruleset.state() == null ? null : ruleset.state().name());
        json.put("deployedAt", ruleset.deployedAt() == null ? null : ruleset.deployedAt().toString());
        json.put("deployedBy", ruleset.deployedBy());
        json.set("problems", problems(ruleset.problems()));
        return json;
    }

    public static ArrayNode toTree(List<RulesetInfo> rulesets) {
        ArrayNode array = Jackson.MAPPER.createArrayNode();
        rulesets.forEach(ruleset -> array.add(toTree(ruleset)));
        return array;
    }

    public static ArrayNode problems(List<Problem> problems) {
        ArrayNode array = Jackson.MAPPER.createArrayNode();
        for (Problem problem : problems) {
            array.addObject()
                    .put("file", problem.file())
                    .put("line", problem.line())
                    .put("column", problem.column())
                    .put("message", problem.message());
        }
        return array;
    }
}
