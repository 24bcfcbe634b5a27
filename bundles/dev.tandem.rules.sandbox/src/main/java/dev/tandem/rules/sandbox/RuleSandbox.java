package dev.tandem.rules.sandbox;

import java.util.List;
import java.util.Map;

import dev.tandem.rules.sandbox.internal.Checker;

/**
 * Checks a rule bundle's code against the allow-list (deny by default). Rule code may use:
 * <ul>
 * <li>the fact model: {@code dev.tandem.api.Interaction}, {@code Message}, {@code Customer}, {@code Signal},
 * {@code Reason}, {@code Route}, {@code RulesetRef} and {@code dev.tandem.api.rules.Decision} (not its engine
 * bookkeeping, {@code ruleFiring} and {@code changeCount});</li>
 * <li>{@code java.lang} value types: {@code String}, {@code StringBuilder}, {@code CharSequence}, the boxed
 * numbers and {@code Boolean}/{@code Character}, {@code Number}, {@code Math}, {@code StrictMath},
 * {@code Comparable}, {@code Iterable}, {@code Enum}, {@code Record}, {@code Runnable}, {@code Object}'s
 * {@code equals}/{@code hashCode}/{@code toString}, and the common unchecked exceptions;</li>
 * <li>{@code java.util} collections ({@code List}, {@code Map}, {@code Set} and their usual implementations,
 * {@code Collections}, {@code Arrays}, {@code Objects}, {@code Optional}, {@code Comparator},
 * {@code StringJoiner}, {@code Locale}): read any, but change only collections the rule built itself (mutators
 * called through the {@code List}/{@code Map}/{@code Set}/{@code Collection} interfaces, as on a fact's
 * collections, are refused); {@code java.util.function}, {@code java.time} (not {@code Clock}), {@code java.math};</li>
 * <li>from the consequence context: {@code insert}, {@code insertLogical}, {@code update}, {@code modify},
 * {@code delete}/{@code retract}, {@code getRule}, {@code getMatch}, {@code halt}.</li>
 * </ul>
 * Everything else is refused, in particular {@code System}, {@code Runtime}, {@code ProcessBuilder}, file and
 * network I/O, reflection ({@code Class}, {@code getClass}, method handles), class loading, threads, executors
 * and locks, static mutable state, JNDI, scripting engines, {@code Unsafe} and JDK internals, native code and
 * streams; so are loops and recursion in rule code, because nothing can stop them once they run (rules iterate
 * by firing, which the engine's firing limit bounds).
 */
public final class RuleSandbox {
    private static final Checker CHECKER = new Checker();

    private RuleSandbox() {
    }

    /** Every violation in the code, each (rule, offending reference) once, in the order found. */
    public static List<Violation> check(RuleCode code) {
        return CHECKER.check(code);
    }

    /**
     * The manifest's main headers: {@code Import-Package} may name only {@code dev.tandem.api} and
     * {@code dev.tandem.api.rules}; headers that run or expose code (activator, components, native code,
     * dynamic imports, Require-Bundle, Fragment-Host, Export-Package, Bundle-ClassPath) are refused.
     */
    public static List<Violation> checkManifest(Map<String, String> headers, String file) {
        return CHECKER.checkManifest(headers, new Source("the bundle manifest", file, 0, ""));
    }
}
