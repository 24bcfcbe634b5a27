package dev.tandem.workbench.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

import dev.tandem.api.rules.Decision;
import dev.tandem.workbench.core.RuleProblem;
import dev.tandem.workbench.core.RuleProblem.Kind;

/**
 * Builds a project's DRL files with Drools as the engine does (the same steps as the engine's
 * internal RulesetCompiler, copied because workbench tooling may not depend on engine internals),
 * the rule sandbox included: rules that leave it are problems and never run here either.
 */
public final class DroolsBuild {
    public static final String DECISION_GLOBAL = "decision";
    /** Drools adds this after any parse error of a file; the parse error itself says more. */
    private static final String NO_PACKAGE = "Parser returned a null Package";
    private static final Pattern PARSER_PREFIX = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ ");

    /** A KieBase, or the problems that prevent one. */
    public record Result(KieBase kieBase, List<RuleProblem> problems) {
        public boolean ok() {
            return kieBase != null;
        }
    }

    private DroolsBuild() {
    }

    public static Result build(Map<String, String> drlFiles) {
        if (drlFiles.isEmpty()) {
            return failure(new RuleProblem(Kind.PROJECT, null, 0, 0, "the project has no .drl file under drl/"));
        }
        return withOwnClassLoader(() -> buildNow(drlFiles));
    }

    /** Drools finds its services and the fact classes through the context class loader. */
    public static <T> T withOwnClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DroolsBuild.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Result buildNow(Map<String, String> drlFiles) {
        KnowledgeBuilderConfiguration configuration =
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, DroolsBuild.class.getClassLoader());
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        drlFiles.forEach((path, text) -> builder.add(resource(path, text), ResourceType.DRL));
        List<RuleProblem> problems = new ArrayList<>();
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR)) {
            problems.add(toProblem(result));
        }
        if (problems.size() > 1) {
            problems.removeIf(problem -> problem.message().equals(NO_PACKAGE));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        KieBase kieBase = builder.newKieBase();
        if (!declaresDecisionGlobal(kieBase)) {
            return failure(new RuleProblem(Kind.DROOLS, drlFiles.keySet().iterator().next(), 0, 0,
                    "no rule file declares 'global " + Decision.class.getName() + " " + DECISION_GLOBAL
                            + ";' so rules cannot record a decision"));
        }
        List<RuleProblem> outsideSandbox = SandboxCheck.compiled(kieBase, drlFiles);
        if (!outsideSandbox.isEmpty()) {
            return new Result(null, outsideSandbox); // never run, not even a scenario or a try
        }
        return new Result(kieBase, List.of());
    }

    private static Resource resource(String path, String text) {
        Resource resource = ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(path);
        resource.setResourceType(ResourceType.DRL);
        return resource;
    }

    private static boolean declaresDecisionGlobal(KieBase kieBase) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Global global : kiePackage.getGlobalVariables()) {
                if (DECISION_GLOBAL.equals(global.getName()) && Decision.class.getName().equals(global.getType())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static RuleProblem toProblem(KnowledgeBuilderResult result) {
        String file = result.getResource() == null ? null : result.getResource().getSourcePath();
        int[] lines = result.getLines();
        int line = lines != null && lines.length > 0 ? lines[0] : 0;
        // the parser counts columns from 0, editors and compilers from 1
        int column = result instanceof ParserError parserError ? parserError.getCol() + 1 : 0;
        String message = PARSER_PREFIX.matcher(result.getMessage().strip().replaceAll("\\s+", " ")).replaceFirst("");
        return new RuleProblem(Kind.DROOLS, file, Math.max(line, 0), Math.max(column, 0), message);
    }

    private static Result failure(RuleProblem problem) {
        return new Result(null, List.of(problem));
    }
}
