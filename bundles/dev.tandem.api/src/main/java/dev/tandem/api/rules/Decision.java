package dev.tandem.api.rules;

import java.util.ArrayList;
import java.util.List;

import dev.tandem.api.Reason;
import dev.tandem.api.Route;

/**
 * The verdict under construction while rules fire; rules see it as the global
 * {@code decision} and as a fact ({@code Decision( human )}).
 * <p>
 * Several escalations may fire: the one with the highest priority chooses the
 * queue (on a tie, the queue whose name sorts first), so the outcome does not
 * depend on firing order. Priority bonuses and
 * skills only matter once the interaction goes to a human.
 * Not thread-safe: one per decision.
 */
public final class Decision {
    public static final int MAX_PRIORITY = 100;

    private Route route = Route.AI;
    private String queue;
    private int basePriority;
    private int priorityBonus;
    /** Each list starts as the shared empty one: most decisions fill only one or two of them. */
    private List<String> skills = List.of();
    private List<Reason> escalationReasons = List.of();
    private List<Reason> refinementReasons = List.of();
    private List<Reason> aiReasons = List.of();
    private String currentRule = "";
    private int changes;

    /** Send the interaction to a human queue; the highest priority escalation picks the queue. */
    public void escalate(String toQueue, int priority, String detail) {
        if (route == Route.AI || priority > basePriority
                || priority == basePriority && toQueue.compareTo(queue) < 0) {
            queue = toQueue;
            basePriority = priority;
        }
        route = Route.HUMAN;
        escalationReasons = with(escalationReasons, new Reason(currentRule, detail));
        changes++;
    }

    /** Raise the priority if the interaction goes to a human (e.g. for a customer tier). */
    public void raisePriority(int amount, String detail) {
        priorityBonus += amount;
        refinementReasons = with(refinementReasons, new Reason(currentRule, detail));
    }

    /** Require an agent skill if the interaction goes to a human (e.g. the customer's language). */
    public void requireSkill(String skill, String detail) {
        if (!skills.contains(skill)) {
            skills = with(skills, skill);
        }
        refinementReasons = with(refinementReasons, new Reason(currentRule, detail));
    }

    /** State why the assistant keeps the interaction; ignored once a rule escalated it. */
    public void keepWithAi(String detail) {
        aiReasons = with(aiReasons, new Reason(currentRule, detail));
    }

    private static <T> List<T> with(List<T> list, T element) {
        List<T> growing = list.isEmpty() ? new ArrayList<>(4) : list;
        growing.add(element);
        return growing;
    }

    public boolean isHuman() { return route == Route.HUMAN; }
    public Route getRoute() { return route; }
    public String getQueue() { return queue; }

    /** The final priority: 0 for the assistant, else the escalation's priority plus bonuses, at most 100. */
    public int getPriority() {
        return route == Route.AI ? 0 : Math.min(MAX_PRIORITY, basePriority + priorityBonus);
    }

    public List<String> getSkills() {
        return route == Route.AI ? List.of() : List.copyOf(skills);
    }

    /** The reasons that explain the final route, escalations first. */
    public List<Reason> getReasons() {
        if (route == Route.AI) {
            return List.copyOf(aiReasons);
        }
        Reason[] all = escalationReasons.toArray(new Reason[escalationReasons.size() + refinementReasons.size()]);
        for (int i = 0; i < refinementReasons.size(); i++) {
            all[escalationReasons.size() + i] = refinementReasons.get(i);
        }
        return List.of(all);
    }

    /** Called by the engine before each rule fires, so that reasons name their rule. */
    public void ruleFiring(String ruleName) {
        currentRule = ruleName;
    }

    /** Called by the engine: how often the route or queue changed, to know when rules must see the fact again. */
    public int changeCount() {
        return changes;
    }
}
