package dev.tandem.audit.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.api.Reason;
import dev.tandem.api.Route;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.RulesetRef;

/**
 * The journal's form of a record. A decision is written as the fields the deciding thread handed over,
 * without the JSON its table columns hold: the columns are made when the database is loaded, so
 * that journaling a decision costs a copy of its strings and nothing more. Other records are written
 * as their column values.
 */
final class RecordCodec {
    private static final byte DECISION = 1;
    private static final byte ENTRY = 2;

    private static final byte NULL = 0;
    private static final byte TEXT = 1;
    private static final byte FLAG = 2;
    private static final byte DOUBLE = 3;
    private static final byte FLOAT = 4;
    private static final byte INT = 5;
    private static final byte LONG = 6;
    private static final byte JSON = 7;

    private RecordCodec() {
    }

    /** A signal value of a type the journal has no tag for, kept as the JSON the column would hold. */
    record RawJson(String text) {
    }

    static void encode(PendingRecord record, Frames out) {
        if (record instanceof PendingRecord.Decision decision) {
            encodeDecision(decision, out);
        } else {
            encodeEntry(record.toEntry(), out);
        }
    }

    static AuditEntry decode(ByteBuffer frame) {
        byte kind = frame.get();
        return switch (kind) {
            case DECISION -> decodeDecision(frame);
            case ENTRY -> decodeEntry(frame);
            default -> throw new IllegalArgumentException("a journal record of unknown kind " + kind);
        };
    }

    private static void encodeDecision(PendingRecord.Decision record, Frames out) {
        RoutingDecision decision = record.decision();
        out.putByte(DECISION);
        out.putString(decision.decisionId());
        out.putString(decision.interactionId());
        out.putLong(record.atMillis());
        out.putString(record.channel());
        out.putString(record.messageText());
        out.putString(decision.language());
        out.putString(decision.route() == null ? null : decision.route().name());
        out.putString(decision.queue());
        out.putInt(decision.priority());
        putStrings(decision.skills(), out);
        out.putInt(decision.reasons().size());
        for (Reason reason : decision.reasons()) {
            out.putString(reason.rule());
            out.putString(reason.detail());
        }
        out.putInt(decision.signals().size());
        for (Map.Entry<String, Object> signal : decision.signals().entrySet()) {
            out.putString(signal.getKey());
            putValue(signal.getValue(), out);
        }
        putStrings(decision.firedRules(), out);
        out.putString(decision.ruleset() == null ? null : decision.ruleset().name());
        out.putString(decision.ruleset() == null ? null : decision.ruleset().version());
        out.putString(decision.failSafe());
        out.putLong(decision.latencyMicros());
    }

    private static AuditEntry decodeDecision(ByteBuffer in) {
        String decisionId = Frames.string(in);
        String interactionId = Frames.string(in);
        long atMillis = in.getLong();
        String channel = Frames.string(in);
        String messageText = Frames.string(in);
        String language = Frames.string(in);
        String route = Frames.string(in);
        String queue = Frames.string(in);
        int priority = in.getInt();
        List<String> skills = strings(in);
        List<Reason> reasons = new ArrayList<>();
        for (int i = in.getInt(); i > 0; i--) {
            reasons.add(new Reason(Frames.string(in), Frames.string(in)));
        }
        Map<String, Object> signals = new HashMap<>();
        for (int i = in.getInt(); i > 0; i--) {
            signals.put(Frames.string(in), value(in));
        }
        List<String> firedRules = strings(in);
        String rulesetName = Frames.string(in);
        String rulesetVersion = Frames.string(in);
        String failSafe = Frames.string(in);
        long latencyMicros = in.getLong();
        RulesetRef ruleset = rulesetName == null && rulesetVersion == null ? null
                : new RulesetRef(rulesetName, rulesetVersion);
        RoutingDecision decision = new RoutingDecision(decisionId, interactionId,
                route == null ? null : Route.valueOf(route), queue, priority, skills, language, reasons, signals,
                ruleset, firedRules, failSafe, latencyMicros);
        return AuditEntries.decision(decision, channel, messageText, atMillis);
    }

    private static void encodeEntry(AuditEntry entry, Frames out) {
        out.putByte(ENTRY);
        out.putByte((byte) entry.table().ordinal());
        putStrings(entry.values(), out);
    }

    private static AuditEntry decodeEntry(ByteBuffer in) {
        AuditTable table = AuditTable.values()[in.get()];
        return new AuditEntry(table, strings(in));
    }

    private static void putStrings(List<String> values, Frames out) {
        out.putInt(values.size());
        for (String value : values) {
            out.putString(value);
        }
    }

    private static List<String> strings(ByteBuffer in) {
        int count = in.getInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(Frames.string(in));
        }
        return values;
    }

    private static void putValue(Object value, Frames out) {
        switch (value) {
            case null -> out.putByte(NULL);
            case String text -> {
                out.putByte(TEXT);
                out.putString(text);
            }
            case Boolean flag -> {
                out.putByte(FLAG);
                out.putByte((byte) (flag ? 1 : 0));
            }
            case Double number -> {
                out.putByte(DOUBLE);
                out.putLong(Double.doubleToRawLongBits(number));
            }
            case Float number -> {
                out.putByte(FLOAT);
                out.putInt(Float.floatToRawIntBits(number));
            }
            case Integer number -> {
                out.putByte(INT);
                out.putInt(number);
            }
            case Long number -> {
                out.putByte(LONG);
                out.putLong(number);
            }
            default -> {
                out.putByte(JSON);
                out.putString(AuditEntries.json(value));
            }
        }
    }

    private static Object value(ByteBuffer in) {
        byte tag = in.get();
        return switch (tag) {
            case NULL -> null;
            case TEXT -> Frames.string(in);
            case FLAG -> in.get() != 0;
            case DOUBLE -> Double.longBitsToDouble(in.getLong());
            case FLOAT -> Float.intBitsToFloat(in.getInt());
            case INT -> in.getInt();
            case LONG -> in.getLong();
            case JSON -> new RawJson(Frames.string(in));
            default -> throw new IllegalArgumentException("a journal signal value of unknown type " + tag);
        };
    }
}
