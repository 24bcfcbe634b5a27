package dev.tandem.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tandem.api.Interaction;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.Route;
import dev.tandem.api.Signal;

/**
 * A ruleset's self-test: an interaction, optionally the signals to assume
 * (otherwise the live detectors run), and what the decision must be.
 * A scenario file holds one scenario object or an array of them:
 * <pre>
 * {"name": "...", "interaction": {...}, "signals": {"humanRequest": 0.95, "intent": "refund"},
 *  "expect": {"route": "HUMAN", "queue": "general", "priority": 80, "skills": ["english"], "rules": ["..."]}}
 * </pre>
 */
public record Scenario(String file, String name, Interaction interaction, List<Signal> givenSignals, Expectation expect) {
    public static final String SCENARIO_DETECTOR = "scenario";
    private static final Set<String> FIELDS = Set.of("name", "interaction", "signals", "expect");
    private static final Set<String> EXPECT_FIELDS = Set.of("route", "queue", "priority", "skills", "rules");

    /** What a scenario requires of the decision; null fields are not checked. */
    public record Expectation(Route route, String queue, Integer priority, List<String> skills, List<String> rules) {

        /** How a decision differs from this expectation; empty when it meets it. A fail-safe decision never does. */
        public List<String> mismatches(RoutingDecision actual) {
            List<String> mismatches = new ArrayList<>();
            if (actual.isFailSafe()) {
                mismatches.add("the engine failed safe: " + actual.failSafe());
            }
            compare("route", route, actual.route(), mismatches);
            compare("queue", queue, actual.queue(), mismatches);
            compare("priority", priority, actual.priority(), mismatches);
            compare("skills", skills, actual.skills(), mismatches);
            if (rules != null && !actual.firedRules().containsAll(rules)) {
                List<String> missing = new ArrayList<>(rules);
                missing.removeAll(actual.firedRules());
                mismatches.add("rules that did not fire: " + missing);
            }
            return mismatches;
        }

        private static void compare(String what, Object expected, Object actual, List<String> mismatches) {
            if (expected != null && !Objects.equals(expected, actual)) {
                mismatches.add("expected " + what + " " + expected + " but was " + actual);
            }
        }
    }

    /** A scenario file that cannot be read; the message says where and why. */
    public static final class InvalidScenarioException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String file;

        InvalidScenarioException(String file, String message) {
            super(message);
            this.file = file;
        }

        public String file() {
            return file;
        }
    }

    public static List<Scenario> parse(String file, byte[] json) throws InvalidScenarioException {
        JsonNode root;
        try {
            root = Jackson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidScenarioException(file, "not valid JSON: " + e.getMessage());
        }
        List<Scenario> scenarios = new ArrayList<>();
        if (root != null && root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                scenarios.add(one(file, "[" + i + "]", root.get(i)));
            }
        } else {
            scenarios.add(one(file, "", root));
        }
        return scenarios;
    }

    private static Scenario one(String file, String at, JsonNode node) throws InvalidScenarioException {
        if (node == null || !node.isObject()) {
            throw new InvalidScenarioException(file, at + " a scenario must be a JSON object");
        }
        rejectUnknown(file, at, node, FIELDS);
        String name = text(file, at + "name", node.get("name"), true);
        Interaction interaction;
        try {
            interaction = InteractionJson.read(node.get("interaction"));
        } catch (InvalidInputException e) {
            throw new InvalidScenarioException(file, "scenario '" + name + "': interaction: " + e.getMessage());
        }
        List<Signal> signals = node.has("signals") ? signals(file, name, node.get("signals")) : null;
        return new Scenario(file, name, interaction, signals, expectation(file, name, node.get("expect")));
    }

    private static List<Signal> signals(String file, String name, JsonNode node) throws InvalidScenarioException {
        if (!node.isObject()) {
            throw new InvalidScenarioException(file, "scenario '" + name + "': signals must be an object");
        }
        List<Signal> signals = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isNumber()) {
                signals.add(Signal.score(field.getKey(), value.doubleValue(), SCENARIO_DETECTOR));
            } else if (value.isTextual()) {
                signals.add(new Signal(field.getKey(), 1.0, value.textValue(), SCENARIO_DETECTOR));
            } else {
                throw new InvalidScenarioException(file, "scenario '" + name + "': signals." + field.getKey()
                        + " must be a number (a score) or a string (a label)");
            }
        }
        return signals;
    }

    private static Expectation expectation(String file, String name, JsonNode node) throws InvalidScenarioException {
        String at = "scenario '" + name + "': expect";
        if (node == null || !node.isObject()) {
            throw new InvalidScenarioException(file, at + " is required and must be an object");
        }
        rejectUnknown(file, at + ".", node, EXPECT_FIELDS);
        String route = text(file, at + ".route", node.get("route"), true);
        Route expectedRoute;
        try {
            expectedRoute = Route.valueOf(route);
        } catch (IllegalArgumentException e) {
            throw new InvalidScenarioException(file, at + ".route must be AI or HUMAN, not '" + route + "'");
        }
        JsonNode priority = node.get("priority");
        if (priority != null && !priority.isInt()) {
            throw new InvalidScenarioException(file, at + ".priority must be an integer");
        }
        return new Expectation(expectedRoute, text(file, at + ".queue", node.get("queue"), false),
                priority == null ? null : priority.intValue(),
                texts(file, at + ".skills", node.get("skills")), texts(file, at + ".rules", node.get("rules")));
    }

    private static void rejectUnknown(String file, String at, JsonNode node, Set<String> known)
            throws InvalidScenarioException {
        for (String field : (Iterable<String>) node::fieldNames) {
            if (!known.contains(field)) {
                throw new InvalidScenarioException(file, at + field + ": unknown field (expected one of " + known + ")");
            }
        }
    }

    private static String text(String file, String at, JsonNode node, boolean required) throws InvalidScenarioException {
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidScenarioException(file, at + " is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidScenarioException(file, at + " must be a string");
        }
        return node.textValue();
    }

    private static List<String> texts(String file, String at, JsonNode node) throws InvalidScenarioException {
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidScenarioException(file, at + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            values.add(text(file, at + "[]", item, true));
        }
        return values;
    }
}
