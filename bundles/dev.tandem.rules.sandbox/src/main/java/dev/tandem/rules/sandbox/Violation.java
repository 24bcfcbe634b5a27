package dev.tandem.rules.sandbox;

/**
 * Rule code that reaches outside the sandbox.
 *
 * @param rule      the rule, {@code function <name>} or {@code class <name>} the code belongs to
 * @param offending the call, field, type or package that is not allowed, e.g. {@code java.lang.System.exit}
 * @param file      the file, null when unknown
 * @param line      1-based line, 0 when unknown
 * @param message   the whole sentence, naming the rule and the offending call
 */
public record Violation(String rule, String offending, String file, int line, String message) {

    /** {@code file:line: message}, the form compilers use. */
    @Override
    public String toString() {
        return (file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ") + message;
    }
}
