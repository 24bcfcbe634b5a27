package dev.tandem.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tandem.api.Problem;
import dev.tandem.api.RulesetRef;

class RulesetCompilerTest {
    private final RulesetCompiler compiler = new RulesetCompiler(getClass().getClassLoader());
    private final RulesetRef ref = new RulesetRef("rules.test", "1.0.0");

    @Test
    void aSyntaxErrorNamesFileLineAndColumn() {
        String drl = """
                package rules.test;
                import dev.tandem.api.Signal;
                import dev.tandem.api.rules.Decision;
                global Decision decision;
                rule "broken"
                when
                    Signal( name == )
                then
                end
                """;
        RulesetCompiler.Result result = compiler.compile(ref, Map.of("drl/broken.drl", drl.getBytes()));

        assertFalse(result.ok());
        Problem problem = result.problems().get(0);
        assertEquals("drl/broken.drl", problem.file());
        assertEquals(7, problem.line(), problem::toString);
        assertTrue(problem.column() > 0, problem::toString);
    }

    @Test
    void anUnknownFactFieldIsReported() {
        String drl = """
                package rules.test;
                import dev.tandem.api.Signal;
                import dev.tandem.api.rules.Decision;
                global Decision decision;
                rule "unknown field"
                when
                    Signal( colour == "red" )
                then
                end
                """;
        RulesetCompiler.Result result = compiler.compile(ref, Map.of("drl/field.drl", drl.getBytes()));

        assertFalse(result.ok());
        assertEquals("drl/field.drl", result.problems().get(0).file());
        assertTrue(result.problems().toString().contains("colour"), result.problems()::toString);
    }

    @Test
    void rulesThatCannotRecordADecisionAreRefused() {
        String drl = """
                package rules.test;
                rule "no global" when then end
                """;
        RulesetCompiler.Result result = compiler.compile(ref, Map.of("drl/a.drl", drl.getBytes()));

        assertFalse(result.ok());
        assertTrue(result.problems().get(0).message().contains("global dev.tandem.api.rules.Decision decision"));
    }

    @Test
    void aBundleWithoutRulesIsRefused() {
        assertFalse(compiler.compile(ref, Map.of()).ok());
    }
}
