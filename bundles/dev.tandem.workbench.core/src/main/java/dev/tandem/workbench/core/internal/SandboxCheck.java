package dev.tandem.workbench.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;

import dev.tandem.rules.drools.DroolsSandboxInput;
import dev.tandem.rules.sandbox.RuleCode;
import dev.tandem.rules.sandbox.RuleSandbox;
import dev.tandem.rules.sandbox.Source;
import dev.tandem.rules.sandbox.Violation;
import dev.tandem.workbench.core.RuleProblem;
import dev.tandem.workbench.core.RuleProblem.Kind;

/**
 * The rule sandbox at validation: what Drools built from the project (the classes it generated for consequences,
 * functions, evals and accumulate code, the constraints it interprets, the imports) and any class file in the project.
 * The engine makes the same check again at deploy; the Drools side of it, {@link DroolsSandboxInput}, is one library
 * both embed privately (nothing may depend on engine internals, and Drools types are no OSGi API).
 */
public final class SandboxCheck {
    private SandboxCheck() {
    }

    /** The code Drools built from the project's DRL files. */
    public static List<RuleProblem> compiled(KieBase kieBase, Map<String, String> drlFiles) {
        DroolsSandboxInput input = DroolsBuild.withOwnClassLoader(() -> parse(drlFiles));
        return problems(input.check(kieBase), drlFiles);
    }

    /** The DRL files as Drools parses them; a file it cannot parse is left out (the Drools build has reported it). */
    private static DroolsSandboxInput parse(Map<String, String> drlFiles) {
        DroolsSandboxInput input = new DroolsSandboxInput();
        drlFiles.forEach((file, text) -> {
            PackageDescr drl;
            try {
                drl = new DrlParser().parse(false, text);
            } catch (DroolsParserException | RuntimeException e) {
                return;
            }
            if (drl != null) {
                input.addDrl(file, text, drl);
            }
        });
        return input;
    }

    /** Class files in the project folder (build output aside): a rule bundle carries rules and scenarios, no code. */
    public static List<RuleProblem> classFiles(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        RuleCode code = new RuleCode();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String file = folder.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
                if (!file.startsWith("target/")) {
                    code.addClass(Files.readAllBytes(path), new Source("class " + file, file, 0, ""));
                }
            }
        } catch (IOException e) {
            return List.of(new RuleProblem(Kind.SANDBOX, null, 0, 0, "cannot read the project's class files: "
                    + e.getMessage()));
        }
        return problems(RuleSandbox.check(code), Map.of());
    }

    /** Violations as problems, with the column of the offending word on its line when the text has it. */
    private static List<RuleProblem> problems(List<Violation> violations, Map<String, String> drlFiles) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Violation violation : violations) {
            String text = violation.file() == null ? null : drlFiles.get(violation.file());
            int column = text == null || violation.line() <= 0 ? 0 : column(text, violation.line(),
                    violation.offending().substring(violation.offending().lastIndexOf('.') + 1));
            problems.add(new RuleProblem(Kind.SANDBOX, violation.file(), violation.line(), column, violation.message()));
        }
        return problems;
    }

    private static int column(String text, int line, String word) {
        String[] lines = text.split("\n", -1);
        if (line > lines.length) {
            return 0;
        }
        int at = lines[line - 1].indexOf(word);
        return at < 0 ? 0 : at + 1;
    }
}
