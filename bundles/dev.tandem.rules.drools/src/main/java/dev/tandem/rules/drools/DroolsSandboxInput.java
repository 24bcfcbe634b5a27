package dev.tandem.rules.drools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import dev.tandem.rules.sandbox.RuleCode;
import dev.tandem.rules.sandbox.RuleSandbox;
import dev.tandem.rules.sandbox.Source;
import dev.tandem.rules.sandbox.Violation;

/**
 * What Drools made of a ruleset, handed to the rule sandbox: the classes it generated for consequences, functions,
 * evals and accumulate code (the package's {@link JavaDialectRuntimeData} store), the dialect of each rule, the
 * constraints it interprets and the imports, each traced back to the rule or function and the DRL lines it came from.
 * <p>
 * The one copy of these steps, shared by the engine (at deploy) and the workbench core (at validation): both embed
 * this jar privately, next to their own Drools, so no Drools type is ever OSGi API and nothing depends on engine
 * internals. Add the parsed DRL files with {@link #addDrl}, then {@link #check} the knowledge base built from them.
 */
public final class DroolsSandboxInput {
    private static final String JAVA_DIALECT = "java";
    private static final String CONSEQUENCE_INVOKER = "DefaultConsequenceInvoker";

    private final Outline outline = new Outline();

    /** A DRL file, its text and what the Drools parser made of it. */
    public DroolsSandboxInput addDrl(String file, String text, PackageDescr drl) {
        outline.read(file, text, drl);
        return this;
    }

    /**
     * The sandbox's violations in the code Drools built from the DRL files added; call before any of it runs: first
     * the rules of a dialect other than java, then what {@link RuleSandbox#check(RuleCode)} finds.
     */
    public List<Violation> check(KieBase kieBase) {
        RuleCode code = new RuleCode();
        List<Violation> violations = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            addPackage((InternalKnowledgePackage) kiePackage, code, violations);
        }
        outline.addInterpreted(code);
        violations.addAll(RuleSandbox.check(code));
        return violations;
    }

    private void addPackage(InternalKnowledgePackage kiePackage, RuleCode code, List<Violation> violations) {
        Map<String, Source> sourceByPrefix = new LinkedHashMap<>();
        for (Rule rule : kiePackage.getRules()) {
            RuleImpl impl = (RuleImpl) rule;
            Source source = outline.rule(rule.getName());
            if (!JAVA_DIALECT.equals(impl.getDialect())) {
                violations.add(new Violation(rule.getName(), "dialect " + impl.getDialect(), source.file(),
                        source.line(), "rule '" + rule.getName() + "' uses the " + impl.getDialect()
                        + " dialect: rules must use the java dialect, whose compiled code the sandbox checks"));
            }
            if (impl.getConsequence() != null) {
                String invoker = impl.getConsequence().getClass().getName();
                if (invoker.endsWith(CONSEQUENCE_INVOKER)) {
                    sourceByPrefix.put(invoker.substring(0, invoker.length() - CONSEQUENCE_INVOKER.length()), source);
                }
            }
        }
        kiePackage.getFunctions().keySet().forEach(function -> sourceByPrefix.put(kiePackage.getName() + "."
                + Character.toUpperCase(function.charAt(0)) + function.substring(1), outline.function(function)));
        JavaDialectRuntimeData data = (JavaDialectRuntimeData) kiePackage.getDialectRuntimeRegistry()
                .getDialectData(JAVA_DIALECT);
        if (data != null) {
            data.getStore().forEach((path, bytes) -> code.addGeneratedClass(bytes, sourceOf(path, sourceByPrefix)));
        }
    }

    /**
     * The rule or function a generated class belongs to: the rule's class ({@code Rule_<name><hash>}, where Drools
     * writes {@code :} as {@code $u58$}), the function's, or a class nested in one; the invokers, which the sandbox
     * skips, map to the ruleset.
     */
    private Source sourceOf(String classFile, Map<String, Source> sourceByPrefix) {
        String name = classFile.replace('/', '.').replaceFirst("\\.class$", "");
        while (true) {
            Source source = sourceByPrefix.get(name);
            int inner = name.lastIndexOf('$');
            if (source != null || inner < 0) {
                return source != null ? source : outline.whole();
            }
            name = name.substring(0, inner);
        }
    }

    /** Where rules and functions are in the DRL files, and the expressions Drools interprets instead of compiling. */
    private static final class Outline {
        private final Map<String, Source> rules = new LinkedHashMap<>();
        private final Map<String, Source> functions = new LinkedHashMap<>();
        private final List<Runnable> interpreted = new ArrayList<>();
        private RuleCode code;
        private Source whole = new Source("the ruleset", null, 0, "");

        Source rule(String name) {
            return rules.getOrDefault(name, whole);
        }

        Source function(String name) {
            return functions.getOrDefault(name, new Source("function " + name, whole.file(), 0, ""));
        }

        Source whole() {
            return whole;
        }

        void addInterpreted(RuleCode target) {
            code = target;
            interpreted.forEach(Runnable::run);
        }

        void read(String file, String text, PackageDescr drl) {
            String[] lines = text.split("\n", -1);
            whole = new Source("the ruleset", file, 1, text);
            List<String> imports = drl.getImports().stream().map(ImportDescr::getTarget).toList();
            for (ImportDescr anImport : drl.getImports()) {
                interpreted.add(() -> code.addImport(anImport.getTarget(), span("the imports of " + file, file,
                        lines, anImport.getLine(), anImport.getLine())));
            }
            drl.getFunctionImports().forEach(anImport -> interpreted.add(() -> code.addImport(anImport.getTarget(),
                    span("the imports of " + file, file, lines, anImport.getLine(), anImport.getLine()))));
            drl.getAccumulateImports().forEach(anImport -> interpreted.add(() -> code.addImport(anImport.getTarget(),
                    span("the imports of " + file, file, lines, anImport.getLine(), anImport.getLine()))));
            for (FunctionDescr function : drl.getFunctions()) {
                functions.put(function.getName(), span("function " + function.getName(), file, lines,
                        function.getLine(), function.getEndLine()));
            }
            for (RuleDescr rule : drl.getRules()) {
                Source source = span(rule.getName(), file, lines, rule.getLine(), rule.getEndLine());
                rules.put(rule.getName(), source);
                interpreted.add(() -> expressions(rule.getLhs(), imports, source));
            }
        }

        private void expressions(BaseDescr descr, List<String> imports, Source source) {
            if (descr instanceof PatternDescr pattern) {
                for (BaseDescr constraint : pattern.getDescrs()) {
                    if (constraint instanceof ExprConstraintDescr expression) {
                        code.addExpression(expression.getExpression(), imports, source);
                    }
                }
                if (pattern.getSource() instanceof FromDescr from) {
                    code.addExpression(from.getDataSource().getText(), imports, source);
                } else if (pattern.getSource() instanceof AccumulateDescr accumulate) {
                    if (accumulate.getInput() != null) {
                        expressions(accumulate.getInput(), imports, source);
                    }
                    accumulate.getFunctions().forEach(call -> code.addExpression(
                            String.join(",", call.getParams()), imports, source));
                } else if (pattern.getSource() instanceof CollectDescr collect) {
                    expressions(collect.getInputPattern(), imports, source);
                }
            } else if (descr instanceof ConditionalElementDescr element) {
                for (BaseDescr child : element.getDescrs()) {
                    expressions(child, imports, source);
                }
            }
        }

        private static Source span(String name, String file, String[] lines, int first, int last) {
            int from = Math.max(first, 1);
            int to = last >= from ? Math.min(last, lines.length) : lines.length;
            return new Source(name, file, from, String.join("\n", Arrays.asList(lines).subList(from - 1, to)));
        }
    }
}
