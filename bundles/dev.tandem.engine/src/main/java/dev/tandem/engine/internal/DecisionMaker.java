package dev.tandem.engine.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.tandem.api.Interaction;
import dev.tandem.api.Reason;
import dev.tandem.api.Route;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.RulesetRef;
import dev.tandem.api.Signal;
import dev.tandem.api.rules.Decision;

/**
 * Turns an interaction into a {@link RoutingDecision} with a given ruleset:
 * detect signals, run the rules, and fail safe to a human whenever that
 * cannot be done (no ruleset, a detector or rule failing, a runaway rule).
 */
final class DecisionMaker {
    static final String FAIL_SAFE_QUEUE = "general";
    static final int FAIL_SAFE_PRIORITY = 50;
    static final String FAIL_SAFE_RULE = "when the engine cannot decide, a human does";

    /** Told of every decision whose rules ran into a limit. */
    interface RunawayListener {
        RunawayListener NONE = (version, runaway) -> { };

        void ranAway(RulesetRef version, Runaway runaway);
    }

    private final SignalDetection detection;
    private final Limits limits;
    private final RunawayListener runaways;

    DecisionMaker(SignalDetection detection, Limits limits) {
        this(detection, limits, RunawayListener.NONE);
    }

    DecisionMaker(SignalDetection detection, Limits limits, RunawayListener runaways) {
        this.detection = detection;
        this.limits = limits;
        this.runaways = runaways;
    }

    /**
     * @param ruleset      null when no ruleset is active
     * @param givenSignals signals to assume instead of running the detectors, or null
     */
    RoutingDecision decide(Interaction interaction, CompiledRuleset ruleset, List<Signal> givenSignals) {
        long start = System.nanoTime();
        RulesetRef ref = ruleset == null ? null : ruleset.ref();
        List<Signal> signals;
        try {
            signals = givenSignals != null ? givenSignals : detection.detect(interaction);
        } catch (SignalDetection.DetectorFailure e) {
            return failSafe(interaction, List.of(), ref, List.of(), e.getMessage(), start);
        }
        if (ruleset == null) {
            return failSafe(interaction, signals, null, List.of(), "no active ruleset", start);
        }
        // the rules' time budget starts after the detectors
        long rulesStart = givenSignals != null ? start : System.nanoTime();
        Evaluation evaluation = ruleset.evaluate(interaction, signals, limits, rulesStart);
        if (evaluation.failed()) {
            if (evaluation.runaway() != null) {
                runaways.ranAway(ref, evaluation.runaway());
            }
            return failSafe(interaction, signals, ref, evaluation.firedRules(), evaluation.failure(), start);
        }
        Decision decision = evaluation.decision();
        return new RoutingDecision(newDecisionId(), interaction.getInteractionId(), decision.getRoute(),
                decision.getQueue(), decision.getPriority(), decision.getSkills(), language(interaction, signals),
                decision.getReasons(), shown(signals), ref, evaluation.firedRules(), null, micros(start));
    }

    private RoutingDecision failSafe(Interaction interaction, List<Signal> signals, RulesetRef ref,
                                     List<String> firedRules, String why, long start) {
        return new RoutingDecision(newDecisionId(), interaction.getInteractionId(), Route.HUMAN, FAIL_SAFE_QUEUE,
                FAIL_SAFE_PRIORITY, List.of(), language(interaction, signals),
                List.of(new Reason(FAIL_SAFE_RULE, why)), shown(signals), ref, firedRules, why, micros(start));
    }

    private static String language(Interaction interaction, List<Signal> signals) {
        if (interaction.getLanguage() != null) {
            return interaction.getLanguage();
        }
        for (Signal signal : signals) {
            if ("language".equals(signal.getName()) && signal.getLabel() != null) {
                return signal.getLabel();
            }
        }
        return null;
    }

    /**
     * Signals as a decision shows them; of two signals with one name the stronger wins (the first on a tie).
     * Built immutable, as the decision keeps it, so that the decision need not copy it.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> shown(List<Signal> signals) {
        if (signals.isEmpty()) {
            return Map.of();
        }
        Map.Entry<String, Object>[] shown = new Map.Entry[signals.size()];
        int count = 0;
        for (int i = 0; i < signals.size(); i++) {
            Signal strongest = signals.get(i);
            if (shownBefore(signals, i)) {
                continue;
            }
            for (int j = i + 1; j < signals.size(); j++) {
                Signal other = signals.get(j);
                if (other.getName().equals(strongest.getName()) && other.getValue() > strongest.getValue()) {
                    strongest = other;
                }
            }
            shown[count++] = Map.entry(strongest.getName(), strongest.shownValue());
        }
        return Map.ofEntries(count == shown.length ? shown : Arrays.copyOf(shown, count));
    }

    private static boolean shownBefore(List<Signal> signals, int index) {
        String name = signals.get(index).getName();
        for (int i = 0; i < index; i++) {
            if (signals.get(i).getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Version-7 UUIDs (RFC 9562): epoch milliseconds in the first 48 bits, the rest random. They sort by time, so
     * the audit database's index of decision ids grows at its end instead of at random pages. Unique, not
     * unguessable, and cheap on the hot path (no SecureRandom).
     */
    static String newDecisionId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = System.currentTimeMillis() << 16 | 0x7000L | random.nextInt(0x1000);
        long low = random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }
}
