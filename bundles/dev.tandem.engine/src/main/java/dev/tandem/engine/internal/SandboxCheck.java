package dev.tandem.engine.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.drools.drl.ast.descr.PackageDescr;
import org.kie.api.KieBase;

import dev.tandem.api.Problem;
import dev.tandem.rules.drools.DroolsSandboxInput;
import dev.tandem.rules.sandbox.RuleCode;
import dev.tandem.rules.sandbox.RuleSandbox;
import dev.tandem.rules.sandbox.Source;
import dev.tandem.rules.sandbox.Violation;

/**
 * The engine's side of the rule sandbox: hands the sandbox what Drools made of a rule bundle (the classes it
 * generated for consequences, functions, evals and accumulate code, the constraints it interprets, the imports),
 * and, before a jar is installed, its manifest and any class it carries. Never trusts the workbench's check. The
 * Drools side is {@link DroolsSandboxInput}, shared with the workbench and embedded privately.
 */
final class SandboxCheck {
    private SandboxCheck() {
    }

    /** The manifest and class files of a rule bundle jar, before anything of it is installed or run. */
    static List<Problem> jar(byte[] jar) {
        RuleCode code = new RuleCode();
        List<Violation> violations = new ArrayList<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest != null) {
                violations.addAll(RuleSandbox.checkManifest(headers(manifest.getMainAttributes()),
                        "META-INF/MANIFEST.MF"));
            }
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (entry.getName().endsWith(".class")) {
                    code.addClass(in.readAllBytes(), new Source("class " + entry.getName(), entry.getName(), 0, ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of(new Problem(null, 0, 0, "not a jar file the sandbox can read: " + e.getMessage()));
        }
        violations.addAll(RuleSandbox.check(code));
        return problems(violations);
    }

    /**
     * The code Drools built from the DRL files, which it built from {@code parsed}; call before any of it runs
     * (scenarios included).
     */
    static List<Problem> compiled(KieBase kieBase, Map<String, byte[]> drlFiles, Map<String, PackageDescr> parsed) {
        DroolsSandboxInput input = new DroolsSandboxInput();
        parsed.forEach((file, drl) -> input.addDrl(file, new String(drlFiles.get(file), StandardCharsets.UTF_8), drl));
        return problems(input.check(kieBase));
    }

    private static Map<String, String> headers(Attributes attributes) {
        Map<String, String> headers = new LinkedHashMap<>();
        attributes.forEach((key, value) -> headers.put(key.toString(), value.toString()));
        return headers;
    }

    private static List<Problem> problems(List<Violation> violations) {
        return violations.stream().map(v -> new Problem(v.file(), v.line(), 0, v.message())).toList();
    }
}
