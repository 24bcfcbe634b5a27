package dev.tandem.workbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class RuleOutlineTest {

    @Test
    void listsEveryRuleInOrderWithWhereItsNameIs() {
        String drl = """
                package rules;
                rule "customer asks for a human"
                when then end
                  rule 'single quoted name' salience 10
                when then end
                // a rule "in a comment" does not count
                rule bare_name
                when then end
                """;
        List<RuleOutline.Entry> rules = RuleOutline.of(drl);
        assertEquals(List.of("customer asks for a human", "single quoted name", "bare_name"),
                rules.stream().map(RuleOutline.Entry::name).toList());
        for (RuleOutline.Entry rule : rules) {
            assertEquals(rule.name(), drl.substring(rule.offset(), rule.offset() + rule.length()));
        }
    }

    @Test
    void aFileWithoutRulesHasAnEmptyOutline() {
        assertEquals(List.of(), RuleOutline.of("package rules;\nimport dev.tandem.api.Signal;\n"));
    }
}
