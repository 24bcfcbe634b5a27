package dev.tandem.rules.sandbox.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.rules.sandbox.RuleCode;
import dev.tandem.rules.sandbox.Source;
import dev.tandem.rules.sandbox.Violation;

/** Runs every check of the sandbox on a rule bundle's code. */
public final class Checker {
    private final AllowList allowList = AllowList.STANDARD;

    public List<Violation> check(RuleCode code) {
        Findings findings = new Findings();
        Map<String, Source> classes = new HashMap<>();
        for (RuleCode.ClassFile file : code.classes()) {
            String name = ClassCheck.nameOf(file.bytes());
            if (name != null) {
                classes.put(name, file.source());
            }
        }
        CallGraph calls = new CallGraph();
        for (RuleCode.ClassFile file : code.classes()) {
            if (file.generated() && ClassCheck.compilerTemplate(file.bytes())) {
                continue;
            }
            ClassCheck.check(file.bytes(), file.source(), allowList, classes.keySet(), findings, calls);
        }
        for (CallGraph.Method method : calls.recursive()) {
            findings.add(classes.get(method.owner()), method.name(), "calls " + method.name()
                    + " recursively: recursion is not allowed in rules, because nothing can stop one that explodes");
        }
        ExpressionCheck expressions = new ExpressionCheck(allowList, findings);
        for (RuleCode.Expression expression : code.expressions()) {
            expressions.check(expression.text(), expression.imports(), expression.source());
        }
        for (RuleCode.Import anImport : code.imports()) {
            checkImport(anImport, findings);
        }
        return findings.violations();
    }

    public List<Violation> checkManifest(Map<String, String> headers, Source source) {
        Findings findings = new Findings();
        ManifestCheck.check(headers, source, findings);
        return findings.violations();
    }

    /** {@code import a.b.C}, {@code import a.b.*}, {@code import function a.b.C.m} and {@code import static a.b.C.m}. */
    private void checkImport(RuleCode.Import anImport, Findings findings) {
        String target = anImport.target().strip();
        String type = target.endsWith(".*") ? null : target;
        if (type == null) {
            String pkg = target.substring(0, target.length() - 2);
            if (!ManifestCheck.IMPORTABLE.contains(pkg)) {
                findings.add(anImport.source(), pkg, "imports " + target + ": rules may import single types of "
                        + "the allow-list, and whole packages only of " + String.join(" and ",
                        ManifestCheck.IMPORTABLE.stream().sorted().toList()));
            }
            return;
        }
        String internal = typeOf(type);
        if (!allowList.usable(internal)) {
            findings.add(anImport.source(), internal.replace('/', '.'), "imports " + target + ": "
                    + allowList.reasonFor(internal));
        } else if (!internal.equals(type.replace('.', '/'))) {
            String member = type.substring(type.lastIndexOf('.') + 1);
            String refusal = allowList.refusal(internal, member);
            if (refusal != null) {
                findings.add(anImport.source(), type, "imports " + target + ": " + refusal);
            }
        }
    }

    /** The class an import names: the dotted name up to its first capitalised word (a static import names a member). */
    private static String typeOf(String dotted) {
        String[] words = dotted.split("\\.");
        StringBuilder type = new StringBuilder();
        for (String word : words) {
            if (!type.isEmpty()) {
                type.append('/');
            }
            type.append(word);
            if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                break;
            }
        }
        return type.toString();
    }
}
