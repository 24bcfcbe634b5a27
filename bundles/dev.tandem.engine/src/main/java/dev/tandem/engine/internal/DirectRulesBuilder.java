package dev.tandem.engine.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.TerminalNode;
import org.kie.api.KieBase;
import org.kie.api.runtime.rule.FactHandle;

import dev.tandem.api.Interaction;
import dev.tandem.api.Signal;
import dev.tandem.api.rules.Decision;

/**
 * Decides whether a compiled ruleset can be evaluated directly ({@link DirectRules}) and builds that evaluation, or
 * says why not. Accepted: rules whose conditions are patterns on the decision, the interaction and signals with
 * simple constraints ({@link ConstraintParser}), a constant salience as their only attribute, and a Java consequence
 * that uses the {@code decision} global and the rule's variables but not the rule session itself (no insert, update,
 * modify, delete, halt or {@code drools}/{@code kcontext}). Everything else keeps the ruleset on Drools' network,
 * which gives the same decisions more slowly.
 */
final class DirectRulesBuilder {

    /** A direct evaluation, or why the ruleset runs on Drools' network instead. */
    record Outcome(DirectRules rules, String refusal) {
    }

    private static final Map<String, Integer> FACT_TYPES = Map.of(Decision.class.getName(), DirectRules.DECISION,
            Interaction.class.getName(), DirectRules.INTERACTION, Signal.class.getName(), DirectRules.SIGNAL);
    private static final Class<?>[] FACT_CLASSES = {Decision.class, Interaction.class, Signal.class};
    private static final Set<String> RULE_ATTRIBUTES = Set.of("salience", "dialect");
    private static final Pattern SESSION_USE = Pattern.compile(
            "\\b(drools|kcontext|insert|insertLogical|update|modify|retract|delete|halt)\\b");

    private final List<DirectRules.Rule> rules = new ArrayList<>();
    /** The patterns on each fact type: decision, interaction, signal. */
    private final PatternIndex.Builder[] patterns = {
        new PatternIndex.Builder(), new PatternIndex.Builder(), new PatternIndex.Builder()};

    private static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private DirectRulesBuilder() {
    }

    static Outcome build(Map<String, PackageDescr> parsed, KieBase kieBase) {
        DirectRulesBuilder builder = new DirectRulesBuilder();
        try {
            for (var file : parsed.entrySet()) {
                builder.checkPackage(file.getKey(), file.getValue());
            }
            for (PackageDescr drl : parsed.values()) {
                for (RuleDescr rule : drl.getRules()) {
                    builder.addRule(rule, drl, kieBase);
                }
            }
            return new Outcome(builder.rules(), null);
        } catch (Refused refused) {
            return new Outcome(null, refused.getMessage());
        }
    }

    private void checkPackage(String file, PackageDescr drl) throws Refused {
        boolean onlyDecisionGlobal = drl.getGlobals().stream().allMatch(global -> isDecisionGlobal(global));
        if (!drl.getFunctions().isEmpty() || !drl.getTypeDeclarations().isEmpty()
                || !drl.getEnumDeclarations().isEmpty() || !drl.getFunctionImports().isEmpty()
                || !drl.getAccumulateImports().isEmpty() || !drl.getEntryPointDeclarations().isEmpty()
                || !drl.getWindowDeclarations().isEmpty() || !onlyDecisionGlobal) {
            throw new Refused(file + ": declares functions, types, entry points, windows or other globals");
        }
        for (AttributeDescr attribute : drl.getAttributes()) {
            if (!isJavaDialect(attribute)) {
                throw new Refused(file + ": package attribute '" + attribute.getName() + "'");
            }
        }
    }

    private static boolean isDecisionGlobal(GlobalDescr global) {
        return CompiledRuleset.DECISION_GLOBAL.equals(global.getIdentifier())
                && (global.getType().equals(Decision.class.getName()) || global.getType().equals("Decision"));
    }

    private static boolean isJavaDialect(AttributeDescr attribute) {
        return attribute.getName().equals("dialect") && "java".equals(attribute.getValue());
    }

    private void addRule(RuleDescr rule, PackageDescr drl, KieBase kieBase) throws Refused {
        String where = "rule '" + rule.getName() + "'";
        if (rule.isQuery() || rule.getParentName() != null || !rule.getNamedConsequences().isEmpty()
                || !(rule.getLhs() instanceof AndDescr lhs) || lhs.getDescrs().isEmpty()) {
            throw new Refused(where + ": a query, an extended rule, a named consequence or no condition");
        }
        for (AttributeDescr attribute : rule.getAttributes().values()) {
            if (!RULE_ATTRIBUTES.contains(attribute.getName()) || attribute.getName().equals("dialect")
                    && !isJavaDialect(attribute)) {
                throw new Refused(where + ": attribute '" + attribute.getName() + "'");
            }
        }
        RuleImpl compiled = (RuleImpl) kieBase.getRule(drl.getNamespace(), rule.getName());
        if (compiled == null || compiled.isSalienceDynamic()) {
            throw new Refused(where + ": not found in the compiled ruleset, or a dynamic salience");
        }
        if (SESSION_USE.matcher(String.valueOf(rule.getConsequence())).find()) {
            throw new Refused(where + ": the consequence uses the rule session");
        }
        int index = rules.size();
        Map<String, DirectRules.Argument> variables = new HashMap<>();
        List<DirectRules.FactPattern> patterns = new ArrayList<>();
        boolean onDecision = false;
        boolean onSignal = false;
        for (BaseDescr element : lhs.getDescrs()) {
            if (!(element instanceof PatternDescr pattern)) {
                throw new Refused(where + ": '" + element.getText() + "' is not a plain pattern");
            }
            int factType = factType(pattern, drl, where);
            if (factType == DirectRules.SIGNAL && onSignal) {
                // the order in which Drools fires the combinations of several signals is its network's own
                throw new Refused(where + ": more than one Signal pattern");
            }
            onSignal |= factType == DirectRules.SIGNAL;
            onDecision |= factType == DirectRules.DECISION;
            patterns.add(pattern(pattern, factType, patterns.size(), variables, index, where));
        }
        MethodHandle consequence = consequence(compiled, variables, where);
        DirectRules.Argument[] arguments = Arrays.stream(
                compiled.getRequiredDeclarationsForConsequence(RuleImpl.DEFAULT_CONSEQUENCE_NAME))
                .map(variables::get).toArray(DirectRules.Argument[]::new);
        rules.add(new DirectRules.Rule(rule.getName(), compiled.getSalienceValue(), compiled.getLoadOrder(),
                terminalNodeId(compiled, kieBase, where), patterns.toArray(DirectRules.FactPattern[]::new), arguments, consequence, onDecision));
    }

    /** Drools' last tie-breaker between rules of one salience and load order (rules of different files). */
    private static int terminalNodeId(RuleImpl compiled, KieBase kieBase, String where) throws Refused {
        TerminalNode[] nodes = ((InternalRuleBase) kieBase).getReteooBuilder()
                .getTerminalNodes(compiled.getFullyQualifiedName());
        if (nodes == null || nodes.length != 1) {
            throw new Refused(where + ": not one terminal node in Drools' network");
        }
        return nodes[0].getId();
    }

    private static int factType(PatternDescr pattern, PackageDescr drl, String where) throws Refused {
        if (pattern.getSource() != null || !pattern.getBehaviors().isEmpty() || pattern.isQuery()
                || !pattern.getAnnotations().isEmpty() || pattern.isUnification()) {
            throw new Refused(where + ": pattern " + pattern.getObjectType() + " has a source, window or annotation");
        }
        String type = pattern.getObjectType();
        for (ImportDescr imported : drl.getImports()) {
            if (imported.getTarget().endsWith("." + type)) {
                type = imported.getTarget();
            }
        }
        Integer factType = FACT_TYPES.get(type);
        if (factType == null) {
            throw new Refused(where + ": pattern on " + pattern.getObjectType()
                    + ", which is not Decision, Interaction or Signal");
        }
        return factType;
    }

    private DirectRules.FactPattern pattern(PatternDescr pattern, int factType, int position,
                                            Map<String, DirectRules.Argument> variables, int rule, String where)
            throws Refused {
        if (!pattern.getPositionalConstraints().isEmpty()) {
            throw new Refused(where + ": positional constraints");
        }
        if (pattern.getIdentifier() != null) {
            variables.put(pattern.getIdentifier(), new DirectRules.Argument(position, null));
        }
        List<FactTest> tests = new ArrayList<>();
        for (BaseDescr descr : pattern.getConstraint().getDescrs()) {
            if (!(descr instanceof ExprConstraintDescr expression)
                    || expression.getType() != ExprConstraintDescr.Type.NAMED) {
                throw new Refused(where + ": constraint '" + descr.getText() + "'");
            }
            ConstraintParser.Constraint constraint;
            try {
                constraint = ConstraintParser.parse(expression.getExpression(), FACT_CLASSES[factType]);
            } catch (ConstraintParser.Unsupported unsupported) {
                throw new Refused(where + ": " + unsupported.getMessage());
            }
            if (constraint.variable() != null) {
                variables.put(constraint.variable(), new DirectRules.Argument(position, constraint.value()));
            } else {
                tests.add(constraint.test());
            }
        }
        if (factType == DirectRules.DECISION && tests.isEmpty()) {
            // Drools re-matches an updated fact only for the patterns that constrain its properties
            throw new Refused(where + ": a Decision pattern without constraints");
        }
        FactTest[] all = tests.toArray(FactTest[]::new);
        patterns[factType].add(rule, position, all);
        return new DirectRules.FactPattern(factType);
    }

    /**
     * The static method Drools generated for the consequence: (context, then each declaration's value and fact
     * handle, then the globals), adapted to take (the declarations' values..., the decision) as one array.
     */
    private static MethodHandle consequence(RuleImpl compiled, Map<String, DirectRules.Argument> variables,
                                            String where) throws Refused {
        String[] declarations = compiled.getRequiredDeclarationsForConsequence(RuleImpl.DEFAULT_CONSEQUENCE_NAME);
        for (String declaration : declarations) {
            if (!variables.containsKey(declaration)) {
                throw new Refused(where + ": the consequence uses '" + declaration + "', which is not bound here");
            }
        }
        Method method = consequenceMethod(compiled, declarations.length, where);
        try {
            MethodHandle handle = MethodHandles.publicLookup().unreflect(method);
            handle = MethodHandles.insertArguments(handle, 0, (Object) null);
            for (int i = declarations.length - 1; i >= 0; i--) {
                handle = MethodHandles.insertArguments(handle, 2 * i + 1, (Object) null);
            }
            if (handle.type().parameterCount() == declarations.length) {
                handle = MethodHandles.dropArguments(handle, declarations.length, Decision.class);
            }
            handle = handle.asType(handle.type().generic().changeReturnType(void.class));
            return handle.asSpreader(Object[].class, declarations.length + 1)
                    .asType(MethodType.methodType(void.class, Object[].class));
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new Refused(where + ": the compiled consequence cannot be called directly (" + e.getMessage() + ")");
        }
    }

    private static Method consequenceMethod(RuleImpl compiled, int declarations, String where) throws Refused {
        Class<?> invoker = compiled.getConsequence() == null ? null : compiled.getConsequence().getClass();
        String suffix = "DefaultConsequenceInvoker";
        if (invoker == null || !invoker.getName().endsWith(suffix)) {
            throw new Refused(where + ": the consequence is not compiled Java");
        }
        try {
            Class<?> ruleClass = invoker.getClassLoader()
                    .loadClass(invoker.getName().substring(0, invoker.getName().length() - suffix.length()));
            for (Method method : ruleClass.getMethods()) {
                if (method.getName().equals("defaultConsequence") && Modifier.isStatic(method.getModifiers())
                        && takesDeclarationsAndDecision(method.getParameterTypes(), declarations)) {
                    return method;
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // refused below
        }
        throw new Refused(where + ": the compiled consequence takes more than the decision and the rule's variables");
    }

    /** (context, value and handle of each declaration, and the decision unless the consequence does not use it) */
    private static boolean takesDeclarationsAndDecision(Class<?>[] parameters, int declarations) {
        boolean withDecision = parameters.length == 2 + 2 * declarations
                && parameters[parameters.length - 1] == Decision.class;
        if (!withDecision && parameters.length != 1 + 2 * declarations) {
            return false;
        }
        for (int i = 0; i < declarations; i++) {
            if (parameters[2 + 2 * i] != FactHandle.class) {
                return false;
            }
        }
        return true;
    }

    private DirectRules rules() {
        return new DirectRules(rules.toArray(DirectRules.Rule[]::new),
                Arrays.stream(patterns).map(PatternIndex.Builder::build).toArray(PatternIndex[]::new));
    }
}
