package dev.tandem.http.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import dev.tandem.api.audit.DecisionQuery;

/** Reads GET /api/v1/decisions?interactionId=&from=&to=&route=&queue=&ruleset=&limit=&after= into a query. */
final class DecisionQueryParameters {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    static final Set<String> KNOWN = Set.of("interactionId", "from", "to", "route", "queue", "ruleset", "limit", "after");

    private DecisionQueryParameters() {
    }

    /** @param parameters each parameter's values, as the servlet API gives them */
    static DecisionQuery parse(Map<String, String[]> parameters) throws HttpProblem {
        for (String name : parameters.keySet()) {
            if (!KNOWN.contains(name)) {
                throw HttpProblem.badRequest("Unknown query parameter " + name + "; known: " + String.join(", ",
                        KNOWN.stream().sorted().toList()) + ".", name);
            }
        }
        return new DecisionQuery(text(parameters, "interactionId"), time(parameters, "from"), time(parameters, "to"),
                route(parameters), text(parameters, "queue"), text(parameters, "ruleset"),
                number(parameters, "after", 0, 0, Long.MAX_VALUE), (int) number(parameters, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    private static String text(Map<String, String[]> parameters, String name) throws HttpProblem {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return null;
        }
        if (values.length > 1) {
            throw HttpProblem.badRequest("Give " + name + " at most once.", name);
        }
        return values[0].strip();
    }

    private static Instant time(Map<String, String[]> parameters, String name) throws HttpProblem {
        String value = text(parameters, name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest(name + " must be an ISO-8601 instant such as 2025-01-31T12:00:00Z, not "
                    + value + ".", name);
        }
    }

    private static String route(Map<String, String[]> parameters) throws HttpProblem {
        String value = text(parameters, "route");
        if (value != null && !value.equals("AI") && !value.equals("HUMAN")) {
            throw HttpProblem.badRequest("route must be AI or HUMAN, not " + value + ".", "route");
        }
        return value;
    }

    private static long number(Map<String, String[]> parameters, String name, long fallback, long min, long max)
            throws HttpProblem {
        String value = text(parameters, name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpProblem.badRequest(name + " must be a whole number from " + min + " to " + max + ", not " + value
                + ".", name);
    }
}
