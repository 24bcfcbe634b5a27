package dev.tandem.engine.internal;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.stream.IntStream;

import dev.tandem.api.Interaction;
import dev.tandem.api.Signal;
import dev.tandem.api.rules.Decision;

/**
 * A ruleset evaluated directly, without a rule session: what Drools' network does for these rules, done for the few
 * facts of one decision. Each rule's patterns are matched against the decision, the interaction and the signals
 * (found through {@link PatternIndex}), every combination of matching facts becomes an
 * activation, and activations fire as Drools fires them: highest salience first, then the rule loaded first (within its file),
 * then the rule whose terminal node Drools built first. When a
 * firing changes the decision, the rules that match the decision are matched again and may fire again, as after
 * Drools' {@code update}. The consequences are the ones Drools compiled for these rules.
 * <p>
 * Only rulesets that {@link DirectRulesBuilder} accepts are run this way; any other runs on Drools' network.
 */
final class DirectRules {
    static final int DECISION = 0;
    static final int INTERACTION = 1;
    static final int SIGNAL = 2;

    /** A pattern: the facts of one type that pass all its tests (kept in the {@link PatternIndex}). */
    record FactPattern(int factType) {
    }

    /** A value the consequence takes: a fact matched by a pattern, or a value read from it. */
    record Argument(int pattern, FactAccessor value) {
        Object of(Object[] matched) throws Throwable {
            Object fact = matched[pattern];
            return value == null ? fact : value.read(fact);
        }
    }

    /**
     * A rule: its patterns in order, and its consequence, which takes (declared values..., decision).
     *
     * @param decisionPatterns whether any pattern is on the decision, so that changing the decision matches it again
     */
    record Rule(String name, int salience, int loadOrder, int terminalNode, FactPattern[] patterns, Argument[] arguments,
                MethodHandle consequence, boolean decisionPatterns) {
    }

    /** A rule with the facts that matched its patterns, waiting to fire. */
    private record Activation(Rule rule, Object[] matched, long sequence) {
        boolean firesBefore(Activation other) {
            if (rule.salience() != other.rule.salience()) {
                return rule.salience() > other.rule.salience();
            }
            if (rule.loadOrder() != other.rule.loadOrder()) {
                return rule.loadOrder() < other.rule.loadOrder();
            }
            if (rule != other.rule) {
                return rule.terminalNode() < other.rule.terminalNode();
            }
            return sequence < other.sequence;
        }
    }

    private final Rule[] rules;
    /** The patterns on each fact type: decision, interaction, signal. */
    private final PatternIndex[] patterns;
    /** The rules with a pattern on the decision, matched again when it changes. */
    private final int[] rulesOnDecision;
    /** Each deciding thread's matching state, reused by its next decisions. */
    private final ThreadLocal<Run> runs = ThreadLocal.withInitial(Run::new);

    DirectRules(Rule[] rules, PatternIndex[] patterns) {
        this.rules = rules;
        this.patterns = patterns;
        this.rulesOnDecision = IntStream.range(0, rules.length).filter(r -> rules[r].decisionPatterns()).toArray();
    }

    private static int mostPatterns(Rule[] rules) {
        return Arrays.stream(rules).mapToInt(rule -> rule.patterns().length).max().orElse(0);
    }

    Evaluation evaluate(Interaction interaction, List<Signal> signals, Limits limits, long start) {
        Decision decision = new Decision();
        Run run = runs.get();
        FiringBudget budget = run.budget;
        budget.arm(limits, start);
        try {
            run.start(decision, interaction, signals);
            run.matchAll();
            fire(run, decision, budget);
            return new Evaluation(decision, budget.firedRules(), budget.exceeded(), budget.runaway());
        } catch (Throwable e) {
            if (e instanceof Error error && !(error instanceof StackOverflowError || error instanceof OutOfMemoryError)) {
                throw error;
            }
            String rule = budget.currentRule();
            String where = rule == null ? "the ruleset" : "rule '" + rule + "'";
            return new Evaluation(decision, budget.firedRules(), where + " failed: " + CompiledRuleset.rootMessage(e),
                    Runaway.behind(e, rule));
        } finally {
            run.clear();
        }
    }

    private void fire(Run run, Decision decision, FiringBudget budget) throws Throwable {
        int seenChanges = 0;
        Activation next;
        while ((next = run.takeNext()) != null) {
            String name = next.rule().name();
            boolean stop = budget.firing(name);
            decision.ruleFiring(name);
            next.rule().consequence().invokeExact(arguments(next, decision));
            if (stop) {
                return;
            }
            if (decision.changeCount() != seenChanges) {
                seenChanges = decision.changeCount();
                run.rematchDecision();
            }
        }
    }

    private static Object[] arguments(Activation activation, Decision decision) throws Throwable {
        Argument[] declared = activation.rule().arguments();
        Object[] values = new Object[declared.length + 1];
        for (int i = 0; i < declared.length; i++) {
            values[i] = declared[i].of(activation.matched());
        }
        values[declared.length] = decision;
        return values;
    }

    /** The matching state of one decision; kept for the next one, so its arrays are allocated once. */
    private final class Run implements PatternIndex.Matches {
        Object[] facts = new Object[8];
        int factCount;
        int fact;
        /** Per rule, per pattern: indexes into facts of the facts that match; allocated once, at the rule's first match. */
        final int[][][] matches = new int[rules.length][][];
        /** Per rule, per pattern: how many facts match in this decision. */
        final int[][] sizes = new int[rules.length][];
        /** Per rule: how many of its patterns have a match in this decision. */
        final int[] matchedPatterns = new int[rules.length];
        final boolean[] isTouched = new boolean[rules.length];
        int[] touched = new int[16];
        int touchedCount;
        /** By length, the arrays that combinations of facts are built in. */
        final Object[][] combinations = new Object[mostPatterns(rules) + 1][];
        final List<Activation> agenda = new ArrayList<>();
        final FiringBudget budget = new FiringBudget();
        long sequence;

        void start(Decision decision, Interaction interaction, List<Signal> signals) {
            factCount = SIGNAL + signals.size();
            if (facts.length < factCount) {
                facts = new Object[factCount];
            }
            facts[DECISION] = decision;
            facts[INTERACTION] = interaction;
            for (int i = 0; i < signals.size(); i++) {
                facts[SIGNAL + i] = signals.get(i);
            }
        }

        void matchAll() throws Throwable {
            match(DECISION, DECISION);
            match(INTERACTION, INTERACTION);
            for (int signal = SIGNAL; signal < factCount; signal++) {
                match(SIGNAL, signal);
            }
            for (int i = 0; i < touchedCount; i++) {
                activate(touched[i]);
            }
        }

        /** Matches the decision again after a rule changed it; the rules on it are activated anew. */
        void rematchDecision() throws Throwable {
            for (int i = agenda.size() - 1; i >= 0; i--) {
                if (agenda.get(i).rule().decisionPatterns()) {
                    agenda.remove(i);
                }
            }
            for (int rule : rulesOnDecision) {
                if (isTouched[rule]) {
                    FactPattern[] rulePatterns = rules[rule].patterns();
                    for (int pattern = 0; pattern < rulePatterns.length; pattern++) {
                        if (rulePatterns[pattern].factType() == DECISION && sizes[rule][pattern] > 0) {
                            sizes[rule][pattern] = 0;
                            matchedPatterns[rule]--;
                        }
                    }
                }
            }
            match(DECISION, DECISION);
            for (int rule : rulesOnDecision) {
                activate(rule);
            }
        }

        private void match(int factType, int factIndex) throws Throwable {
            fact = factIndex;
            patterns[factType].match(facts[factIndex], this);
        }

        @Override
        public void matched(int rule, int pattern) {
            if (!isTouched[rule]) {
                touch(rule);
            }
            int[] factsOfPattern = matches[rule][pattern];
            int size = sizes[rule][pattern];
            if (size == factsOfPattern.length) {
                factsOfPattern = Arrays.copyOf(factsOfPattern, 2 * size);
                matches[rule][pattern] = factsOfPattern;
            }
            factsOfPattern[size] = fact;
            sizes[rule][pattern] = size + 1;
            if (size == 0) {
                matchedPatterns[rule]++;
            }
        }

        private void touch(int rule) {
            if (matches[rule] == null) {
                int patternCount = rules[rule].patterns().length;
                matches[rule] = new int[patternCount][2];
                sizes[rule] = new int[patternCount];
            }
            isTouched[rule] = true;
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, 2 * touchedCount);
            }
            touched[touchedCount++] = rule;
        }

        /** Every combination of facts that match the rule's patterns, in the order of the facts. */
        private void activate(int rule) {
            if (isTouched[rule] && matchedPatterns[rule] == rules[rule].patterns().length) {
                Object[] combination = combination(matchedPatterns[rule]);
                combine(rules[rule], rule, 0, combination);
                Arrays.fill(combination, null);
            }
        }

        /** The kept array that combinations of this many facts are built in; each activation takes a copy. */
        private Object[] combination(int patternCount) {
            if (combinations[patternCount] == null) {
                combinations[patternCount] = new Object[patternCount];
            }
            return combinations[patternCount];
        }

        private void combine(Rule rule, int index, int pattern, Object[] matched) {
            if (pattern == matched.length) {
                agenda.add(new Activation(rule, matched.clone(), sequence++));
                return;
            }
            int[] factsOfPattern = matches[index][pattern];
            for (int i = 0; i < sizes[index][pattern]; i++) {
                matched[pattern] = facts[factsOfPattern[i]];
                combine(rule, index, pattern + 1, matched);
            }
        }

        Activation takeNext() {
            if (agenda.isEmpty()) {
                return null;
            }
            int best = 0;
            for (int i = 1; i < agenda.size(); i++) {
                if (agenda.get(i).firesBefore(agenda.get(best))) {
                    best = i;
                }
            }
            return agenda.remove(best);
        }

        /** Forgets the decision: only the rules it touched are cleared. */
        void clear() {
            for (int i = 0; i < touchedCount; i++) {
                int rule = touched[i];
                Arrays.fill(sizes[rule], 0);
                matchedPatterns[rule] = 0;
                isTouched[rule] = false;
            }
            touchedCount = 0;
            Arrays.fill(facts, 0, factCount, null);
            agenda.clear();
        }
    }
}
