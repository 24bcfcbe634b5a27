package dev.tandem.bench;

import java.util.List;
import java.util.regex.Pattern;

import dev.tandem.api.Interaction;
import dev.tandem.api.Route;
import dev.tandem.api.Signal;

/** The default escalation policy written in plain Java: the physical limit, and the reference the engine must match. */
public final class HandWrittenPolicy {
    private static final double THRESHOLD = 0.7;
    private static final Pattern ENGLISH = Pattern.compile("(?i)en(-.*)?");
    private static final Pattern CHINESE = Pattern.compile("(?i)zh(-.*)?");
    private static final Pattern INDONESIAN = Pattern.compile("(?i)(id|in)(-.*)?");

    /** The part of a decision that routing depends on. */
    public record Verdict(Route route, String queue, int priority, List<String> skills) {
    }

    private HandWrittenPolicy() {
    }

    public static Verdict decide(Interaction interaction, List<Signal> signals) {
        String queue = null;
        int priority = -1;
        for (int i = 0; i < signals.size(); i++) {
            Signal signal = signals.get(i);
            if (signal.getValue() < THRESHOLD) {
                continue;
            }
            String signalQueue = queueOf(signal.getName());
            int signalPriority = priorityOf(signal.getName());
            if (signalQueue != null && beats(signalPriority, signalQueue, priority, queue)) {
                queue = signalQueue;
                priority = signalPriority;
            }
        }
        Double aiConfidence = interaction.getAiConfidence();
        if (aiConfidence != null && aiConfidence < 0.5 && interaction.number("failedAttempts") >= 2
                && beats(60, "general", priority, queue)) {
            queue = "general";
            priority = 60;
        }
        if (queue == null) {
            return new Verdict(Route.AI, null, 0, List.of());
        }
        return new Verdict(Route.HUMAN, queue, Math.min(100, priority + tierBonus(interaction.getCustomerTier())),
                skills(interaction.getLanguage()));
    }

    private static boolean beats(int priority, String queue, int bestPriority, String bestQueue) {
        return bestQueue == null || priority > bestPriority || priority == bestPriority && queue.compareTo(bestQueue) < 0;
    }

    private static String queueOf(String signal) {
        return switch (signal) {
            case "humanRequest" -> "general";
            case "topic.fraud", "topic.personalData" -> "security";
            case "topic.billingDispute" -> "billing";
            case "topic.complaint" -> "complaints";
            case "topic.cancel" -> "retention";
            case "topic.bereavement", "topic.health" -> "care";
            default -> null;
        };
    }

    private static int priorityOf(String signal) {
        return switch (signal) {
            case "humanRequest" -> 80;
            case "topic.fraud" -> 90;
            case "topic.cancel" -> 75;
            case "topic.bereavement", "topic.health" -> 85;
            default -> 70;
        };
    }

    private static int tierBonus(String tier) {
        if ("platinum".equals(tier)) {
            return 15;
        }
        return "gold".equals(tier) ? 10 : 0;
    }

    private static List<String> skills(String language) {
        if (language == null) {
            return List.of();
        }
        if (ENGLISH.matcher(language).matches()) {
            return List.of("english");
        }
        if (CHINESE.matcher(language).matches()) {
            return List.of("chinese");
        }
        return INDONESIAN.matcher(language).matches() ? List.of("indonesian") : List.of();
    }
}
