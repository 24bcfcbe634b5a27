package dev.tandem.api.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.tandem.api.Reason;

/**
 * One recorded decision, as stored.
 *
 * @param sequence    position in the decision chain, from 1
 * @param messageText the last customer message, or null unless the recorder is configured to keep message text
 * @param failSafe    why the engine failed safe, or null
 * @param hash        SHA-256 (hex) over this record and the hash of the record before it
 */
public record DecisionRecord(long sequence, String decisionId, String interactionId, Instant at, String channel,
                             String language, String route, String queue, int priority, List<String> skills,
                             List<Reason> reasons, Map<String, Object> signals, List<String> firedRules,
                             String rulesetName, String rulesetVersion, long latencyMicros, String failSafe,
                             String messageText, String hash) {
    public DecisionRecord {
        skills = List.copyOf(skills);
        reasons = List.copyOf(reasons);
        signals = Map.copyOf(signals);
        firedRules = List.copyOf(firedRules);
    }
}
