package dev.tandem.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tandem.api.Reason;
import dev.tandem.api.Route;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.RulesetRef;

/**
 * Databases written by earlier versions must still verify: the expected hashes below were computed by the
 * hash chain and row format of commit 0393443, before anyone tuned the hashing, and must never change.
 */
class HashChainTest {
    private static final String PREVIOUS = "3f".repeat(32);

    @Test
    void textIsHashedAsItsUtf8BytesWithSeparatorsAndNullsAsBefore() {
        List<String> values = Arrays.asList("plain", null, "", "客服 Überweisung \uD83D\uDE00", "lone \uD800 surrogate",
                "line\nbreak\u001fseparator");
        assertEquals("e4c7ca642d744ad0cc2f880e2b1769ff0931b3176d241a855b7a0a0248e7f7ba", HashChain.hash(PREVIOUS, 42, values));
    }

    @Test
    void theFirstRecordAttachesToTheGenesisHash() {
        assertEquals("3358a063d19608f9bad32b3bc7156ce862ece3a1f5f2a7decbc006b1ffbe41d1", HashChain.hash(HashChain.GENESIS, 1, List.of("a")));
    }

    @Test
    void aDecisionRowIsTheSameTextAsBefore() {
        assertEquals("e42c8e24778d8a99fb7949a968d4849c104ea06965c51cb2ca2e9aa87eb1bb60", HashChain.hash(PREVIOUS, 7, decisionRow().values()));
    }

    @Test
    void aDecisionReadBackFromTheJournalHasTheSameRowAsBefore() {
        Frames frames = new Frames(64);
        frames.add(new PendingRecord.Decision(decision(), "chat", "Ich möchte mit einem Menschen sprechen \"jetzt\"",
                1_700_000_000_123L));
        ByteBuffer body = ByteBuffer.wrap(frames.bytes(), Frames.HEADER_BYTES, frames.length() - Frames.HEADER_BYTES)
                .slice();
        AuditEntry decoded = RecordCodec.decode(body);
        assertEquals(decisionRow().values(), decoded.values());
        assertEquals("e42c8e24778d8a99fb7949a968d4849c104ea06965c51cb2ca2e9aa87eb1bb60", HashChain.hash(PREVIOUS, 7, decoded.values()));
    }

    private static AuditEntry decisionRow() {
        return AuditEntries.decision(decision(), "chat", "Ich möchte mit einem Menschen sprechen \"jetzt\"",
                1_700_000_000_123L);
    }

    private static RoutingDecision decision() {
        Map<String, Object> signals = new LinkedHashMap<>();
        signals.put("sentiment", -0.75);
        signals.put("intent", "refund_request");
        signals.put("humanRequested", true);
        signals.put("repeats", 3);
        signals.put("messages", 12L);
        signals.put("confidence", 0.5f);
        signals.put("topics", List.of("billing", "fraud"));
        return new RoutingDecision("0190a3c4-1111-7abc-8def-0123456789ab", "c-17", Route.HUMAN, "billing", 2,
                List.of("german", "refunds"), "de",
                List.of(new Reason("human-request", "asked for a person"), new Reason("anger", "tone \u00bbangry\u00ab")),
                signals, new RulesetRef("rules.escalation-default", "1.0.0"), List.of("human-request", "anger"),
                null, 185);
    }
}
