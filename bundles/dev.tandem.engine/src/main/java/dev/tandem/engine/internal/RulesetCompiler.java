package dev.tandem.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

import dev.tandem.api.Problem;
import dev.tandem.api.RulesetRef;
import dev.tandem.api.rules.Decision;

/**
 * Compiles DRL files into a {@link CompiledRuleset}, or reports every problem with file, line and column;
 * code that leaves the rule sandbox is a problem too, found before any of it runs.
 */
final class RulesetCompiler {

    /** The outcome: a ruleset, or the problems that prevent one. */
    record Result(CompiledRuleset ruleset, List<Problem> problems) {
        boolean ok() {
            return ruleset != null;
        }
    }

    private final ClassLoader factClassLoader;

    /** @param factClassLoader sees Drools and the fact model of dev.tandem.api */
    RulesetCompiler(ClassLoader factClassLoader) {
        this.factClassLoader = factClassLoader;
    }

    Result compile(RulesetRef ref, Map<String, byte[]> drlFiles) {
        if (drlFiles.isEmpty()) {
            return failure(new Problem(null, 0, 0, "the rule bundle contains no .drl file"));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(factClassLoader);
        try {
            return build(ref, drlFiles);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Result build(RulesetRef ref, Map<String, byte[]> drlFiles) {
        KnowledgeBuilderConfiguration configuration =
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, factClassLoader);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        drlFiles.forEach((path, bytes) -> builder.add(resource(path, bytes), ResourceType.DRL));
        List<Problem> problems = new ArrayList<>();
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR)) {
            problems.add(toProblem(result));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        KieBase kieBase = builder.newKieBase();
        List<Problem> refused = SandboxCheck.compiled(kieBase, drlFiles);
        if (!refused.isEmpty()) {
            return new Result(null, refused);
        }
        if (!declaresDecisionGlobal(kieBase)) {
            return failure(new Problem(drlFiles.keySet().iterator().next(), 0, 0,
                    "no rule file declares 'global " + Decision.class.getName() + " " + CompiledRuleset.DECISION_GLOBAL
                            + ";' so rules cannot record a decision"));
        }
        return new Result(new CompiledRuleset(ref, kieBase), List.of());
    }

    private static Resource resource(String path, byte[] bytes) {
        Resource resource = ResourceFactory.newByteArrayResource(bytes);
        resource.setSourcePath(path);
        resource.setResourceType(ResourceType.DRL);
        return resource;
    }

    private static boolean declaresDecisionGlobal(KieBase kieBase) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Global global : kiePackage.getGlobalVariables()) {
                if (CompiledRuleset.DECISION_GLOBAL.equals(global.getName())
                        && Decision.class.getName().equals(global.getType())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Problem toProblem(KnowledgeBuilderResult result) {
        String file = result.getResource() == null ? null : result.getResource().getSourcePath();
        int[] lines = result.getLines();
        int line = lines != null && lines.length > 0 ? lines[0] : 0;
        int column = result instanceof ParserError parserError ? parserError.getCol() : 0;
        return new Problem(file, Math.max(line, 0), Math.max(column, 0), result.getMessage().strip());
    }

    private static Result failure(Problem problem) {
        return new Result(null, List.of(problem));
    }
}
