package dev.tandem.api.audit;

import java.time.Instant;

/**
 * A filter over recorded decisions; null fields do not filter. Paging is by sequence number:
 * the next page starts after the last record's {@code sequence}.
 *
 * @param from  inclusive
 * @param to    exclusive
 * @param limit at most this many records, 1 or more
 */
public record DecisionQuery(String interactionId, Instant from, Instant to, String route, String queue,
                            String ruleset, long afterSequence, int limit) {
    public DecisionQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
    }

    public static DecisionQuery all(int limit) {
        return new DecisionQuery(null, null, null, null, null, null, 0, limit);
    }

    public DecisionQuery after(long sequence) {
        return new DecisionQuery(interactionId, from, to, route, queue, ruleset, sequence, limit);
    }
}
