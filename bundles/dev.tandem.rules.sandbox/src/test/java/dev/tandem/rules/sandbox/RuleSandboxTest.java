package dev.tandem.rules.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tandem.rules.sandbox.samples.Samples;

class RuleSandboxTest {
    private static final Source RULE = new Source("a rule", "drl/a.drl", 10, "rule \"a rule\"\nwhen\nthen\n  exit(0);\nend");

    @Test
    void codeOfValueTypesAndOwnCollectionsPasses() throws IOException {
        assertEquals(List.of(), checkClass(Samples.Allowed.class));
    }

    @Test
    void aHelperClassThatRunsACommandIsRefusedNamingTheCall() throws IOException {
        List<Violation> violations = RuleSandbox.check(new RuleCode()
                .addClass(bytes(dev.tandem.rules.sandbox.hostile.Escape.class), RULE));
        assertTrue(violations.stream().anyMatch(v -> v.offending().equals("java.lang.Runtime.getRuntime")
                && v.message().startsWith("rule 'a rule' calls java.lang.Runtime.getRuntime: process")), violations::toString);
    }

    @Test
    void staticMutableStateIsRefused() throws IOException {
        assertTrue(checkClass(dev.tandem.rules.sandbox.hostile.Counter.class).stream()
                .anyMatch(v -> v.message().contains("static field count")));
    }

    @Test
    void loopsRecursionMethodReferencesAndLocksAreRefused() throws IOException {
        assertTrue(checkClass(Samples.Loop.class).stream().anyMatch(v -> v.offending().equals("loop")));
        assertTrue(checkClass(Samples.Recursion.class).stream().anyMatch(v -> v.message().contains("recursively")));
        assertTrue(checkClass(Samples.MethodReference.class).stream()
                .anyMatch(v -> v.offending().equals("java.lang.System.exit")));
        assertTrue(checkClass(Samples.Lock.class).stream().anyMatch(v -> v.offending().equals("synchronized")));
        assertTrue(checkClass(Samples.FactCollection.class).stream()
                .anyMatch(v -> v.offending().equals("java.util.Map.put")));
    }

    @Test
    void theViolationsLineIsWhereTheOffendingNameIs() throws IOException {
        Violation violation = RuleSandbox.check(new RuleCode().addExpression("java.lang.System.exit(0) == null",
                List.of(), RULE)).get(0);
        assertEquals(13, violation.line());
        assertEquals("drl/a.drl:13: rule 'a rule' calls java.lang.System.exit: process and system control is not"
                + " allowed in rules", violation.toString());
    }

    @Test
    void expressionsNameTypesByImportAndFullName() {
        List<String> imports = List.of("dev.tandem.api.Route", "java.io.File");
        assertEquals(List.of(), expression("text(\"domain\") == \"banking77\" && value >= Math.max(0.5, 0.6)", imports));
        assertEquals(List.of(), expression("route == Route.HUMAN", imports));
        assertEquals(List.of(), expression("text(\"x\") == \"System.exit(0) while\"", imports));
        assertEquals(List.of("java.io.File"), offending(expression("new File(\"/etc\").exists()", imports)));
        assertEquals(List.of("java.lang.Runtime.getRuntime"), offending(expression("java.lang.Runtime.getRuntime() != null", imports)));
        assertEquals(List.of("this.getClass"), offending(expression("this.getClass().getName() != null", imports)));
        assertEquals(List.of("java.lang.Thread.currentThread"), offending(expression("Thread.currentThread() != null", imports)));
    }

    @Test
    void importsOutsideTheAllowListAreRefused() {
        RuleCode code = new RuleCode().addImport("dev.tandem.api.Interaction", RULE).addImport("java.util.List", RULE)
                .addImport("java.io.File", RULE).addImport("java.lang.System.exit", RULE).addImport("java.net.*", RULE);
        assertEquals(List.of("java.io.File", "java.lang.System", "java.net"), offending(RuleSandbox.check(code)));
    }

    @Test
    void theManifestMayImportOnlyTheFactModelAndRunNoCode() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-SymbolicName", "rules.x");
        headers.put("Import-Package", "dev.tandem.api;version=\"[1.2,2)\",dev.tandem.api.rules,org.osgi.framework;"
                + "version=\"[1.8,2)\"");
        headers.put("Bundle-Activator", "rules.x.Boot");
        List<Violation> violations = RuleSandbox.checkManifest(headers, "META-INF/MANIFEST.MF");
        assertEquals(List.of("org.osgi.framework", "Bundle-Activator"), offending(violations).stream().sorted().toList()
                .reversed());
        assertTrue(violations.get(0).message().startsWith("the bundle manifest "), violations::toString);
    }

    @Test
    void theSharedTableHasAHostileBundleForEveryTechnique() {
        List<HostileRules.Case> cases = HostileRules.all();
        assertTrue(cases.size() >= 40, "only " + cases.size() + " cases");
        assertEquals(cases.size(), cases.stream().map(HostileRules.Case::name).distinct().count());
    }

    private static List<Violation> expression(String text, List<String> imports) {
        return RuleSandbox.check(new RuleCode().addExpression(text, imports, RULE));
    }

    private static List<String> offending(List<Violation> violations) {
        return violations.stream().map(Violation::offending).toList();
    }

    private static List<Violation> checkClass(Class<?> type) throws IOException {
        return RuleSandbox.check(new RuleCode().addClass(bytes(type), RULE));
    }

    static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }
}
