package dev.tandem.rules.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything of one rule bundle the sandbox checks: the classes the rules compiler generated or the bundle carries,
 * the expressions the compiler interprets instead of compiling (constraints), and the DRL imports. Not thread-safe.
 */
public final class RuleCode {
    /**
     * A class file and where its code comes from.
     *
     * @param generated made by the rules compiler (its invoker templates are Drools' own plumbing), not carried
     *                  by the bundle
     */
    public record ClassFile(byte[] bytes, Source source, boolean generated) {
    }

    /** An interpreted expression and the imports that resolve its simple type names. */
    public record Expression(String text, List<String> imports, Source source) {
    }

    /** A DRL import ({@code import x.Y}, {@code import function x.Y.m}, {@code import static ...}). */
    public record Import(String target, Source source) {
    }

    private final List<ClassFile> classes = new ArrayList<>();
    private final List<Expression> expressions = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();

    /** A class the bundle carries: every byte of it is the author's. */
    public RuleCode addClass(byte[] bytes, Source source) {
        classes.add(new ClassFile(bytes.clone(), source, false));
        return this;
    }

    /** A class the rules compiler generated from the rules' code. */
    public RuleCode addGeneratedClass(byte[] bytes, Source source) {
        classes.add(new ClassFile(bytes.clone(), source, true));
        return this;
    }

    public RuleCode addExpression(String text, List<String> importsInScope, Source source) {
        expressions.add(new Expression(text, List.copyOf(importsInScope), source));
        return this;
    }

    public RuleCode addImport(String target, Source source) {
        imports.add(new Import(target, source));
        return this;
    }

    public List<ClassFile> classes() {
        return List.copyOf(classes);
    }

    public List<Expression> expressions() {
        return List.copyOf(expressions);
    }

    public List<Import> imports() {
        return List.copyOf(imports);
    }
}
