package dev.tandem.engine.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.io.DescrResource;
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
import org.kie.internal.builder.conf.LanguageLevelOption;
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

    /** Set to false to run every ruleset in Drools sessions, e.g. to compare the two. */
    static final String DIRECT_EVALUATION_PROPERTY = "tandem.rules.direct";
    private static final System.Logger LOG = System.getLogger(RulesetCompiler.class.getName());

    private final ClassLoader factClassLoader;
    private final boolean directEvaluation;

    /** @param factClassLoader sees Drools and the fact model of dev.tandem.api */
    RulesetCompiler(ClassLoader factClassLoader) {
        this(factClassLoader, Boolean.parseBoolean(System.getProperty(DIRECT_EVALUATION_PROPERTY, "true")));
    }

    /** @param directEvaluation whether rules that allow it are evaluated without a Drools session */
    RulesetCompiler(ClassLoader factClassLoader, boolean directEvaluation) {
        this.factClassLoader = factClassLoader;
        this.directEvaluation = directEvaluation;
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
        LanguageLevelOption languageLevel = configuration.getOption(LanguageLevelOption.KEY);
        List<Problem> problems = new ArrayList<>();
        Map<String, PackageDescr> parsed = new LinkedHashMap<>();
        drlFiles.forEach((path, bytes) -> {
            PackageDescr drl = parse(path, bytes, languageLevel, problems);
            if (drl != null) {
                parsed.put(path, drl);
                builder.add(resource(path, drl), ResourceType.DESCR);
            }
        });
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR)) {
            problems.add(toProblem(result));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        KieBase kieBase = builder.newKieBase();
        List<Problem> refused = SandboxCheck.compiled(kieBase, drlFiles, parsed);
        if (!refused.isEmpty()) {
            return new Result(null, refused);
        }
        if (!declaresDecisionGlobal(kieBase)) {
            return failure(new Problem(drlFiles.keySet().iterator().next(), 0, 0,
                    "no rule file declares 'global " + Decision.class.getName() + " " + CompiledRuleset.DECISION_GLOBAL
                            + ";' so rules cannot record a decision"));
        }
        return new Result(new CompiledRuleset(ref, kieBase, direct(ref, kieBase, parsed)), List.of());
    }

    private DirectRules direct(RulesetRef ref, KieBase kieBase, Map<String, PackageDescr> parsed) {
        if (!directEvaluation) {
            return null;
        }
        DirectRulesBuilder.Outcome outcome = DirectRulesBuilder.build(parsed, kieBase);
        if (outcome.rules() == null) {
            LOG.log(Level.INFO, "{0} runs in Drools sessions: {1}", ref, outcome.refusal());
        }
        return outcome.rules();
    }

    /**
     * Each DRL file is parsed once, here: the builder and the sandbox both work on the parsed file (parsing is a
     * fifth of the compile time of a large ruleset). Null, and its errors in the problems, when it does not parse.
     */
    private static PackageDescr parse(String path, byte[] bytes, LanguageLevelOption languageLevel,
                                      List<Problem> problems) {
        DrlParser parser = new DrlParser(languageLevel);
        Resource resource = ResourceFactory.newByteArrayResource(bytes);
        resource.setSourcePath(path);
        resource.setResourceType(ResourceType.DRL);
        PackageDescr drl;
        try {
            drl = parser.parse(resource);
        } catch (DroolsParserException | IOException e) {
            problems.add(new Problem(path, 0, 0, "cannot parse the rule file: " + e.getMessage()));
            return null;
        }
        for (DroolsError error : parser.getErrors()) {
            Problem problem = toProblem(error);
            problems.add(problem.file() == null
                    ? new Problem(path, problem.line(), problem.column(), problem.message()) : problem);
        }
        if (parser.hasErrors() || drl == null) {
            if (drl == null && parser.getErrors().isEmpty()) {
                problems.add(new Problem(path, 0, 0, "the rule file contains nothing the parser can read"));
            }
            return null;
        }
        return drl;
    }

    private static Resource resource(String path, PackageDescr drl) {
        Resource resource = new DescrResource(drl);
        resource.setSourcePath(path);
        resource.setResourceType(ResourceType.DESCR);
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
