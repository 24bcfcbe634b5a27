package dev.tandem.engine.internal;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

import dev.tandem.api.Interaction;
import dev.tandem.api.Signal;
import dev.tandem.api.rules.Decision;

/**
 * Reads one value of a fact as a DRL constraint names it: a property ({@code value}: {@code getValue()} or
 * {@code isValue()}) or a public method with one literal text argument ({@code text("domain")}).
 * <p>
 * The readers are functional objects that {@link LambdaMetafactory} builds at deploy, as for a method reference in
 * Java source: the JIT calls them as plain interface methods, where a method handle kept in a field would be invoked
 * through its lambda forms on every read.
 */
final class FactAccessor {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    /**
     * The fact model's getters that routing rules read most, called directly in {@link #read}: a call through one
     * of many reader objects is a megamorphic interface call the JIT cannot inline, and reads were still the
     * largest item in the profile.
     */
    private enum Known {
        SIGNAL_NAME, SIGNAL_VALUE, SIGNAL_LABEL, INTERACTION_TEXT, INTERACTION_NUMBER, INTERACTION_LANGUAGE,
        INTERACTION_TIER, INTERACTION_CONFIDENCE, DECISION_HUMAN, NONE;

        static Known of(Method method) {
            Class<?> type = method.getDeclaringClass();
            String name = method.getName();
            if (type == Signal.class) {
                return switch (name) {
                    case "getName" -> SIGNAL_NAME;
                    case "getValue" -> SIGNAL_VALUE;
                    case "getLabel" -> SIGNAL_LABEL;
                    default -> NONE;
                };
            }
            if (type == Interaction.class) {
                return switch (name) {
                    case "text" -> INTERACTION_TEXT;
                    case "number" -> INTERACTION_NUMBER;
                    case "getLanguage" -> INTERACTION_LANGUAGE;
                    case "getCustomerTier" -> INTERACTION_TIER;
                    case "getAiConfidence" -> INTERACTION_CONFIDENCE;
                    default -> NONE;
                };
            }
            return type == Decision.class && name.equals("isHuman") ? DECISION_HUMAN : NONE;
        }
    }

    private final String expression;
    private final Class<?> type;
    /** The method's argument, or null for a property. */
    private final Object argument;
    private final Function<Object, Object> property;
    private final BiFunction<Object, Object, Object> method;
    /** Readers without boxing, for primitive numbers only. */
    private final ToDoubleFunction<Object> numberProperty;
    private final ToDoubleBiFunction<Object, Object> numberMethod;
    private final Known known;

    @SuppressWarnings("unchecked")
    private FactAccessor(String expression, Method target, Object argument) throws Throwable {
        this.expression = expression;
        this.type = target.getReturnType();
        this.argument = argument;
        this.known = Known.of(target);
        MethodHandle handle = LOOKUP.unreflect(target);
        boolean number = isPrimitiveNumber(type);
        if (argument == null) {
            property = (Function<Object, Object>) reader(Function.class, "apply", Object.class, handle);
            numberProperty = number ? (ToDoubleFunction<Object>) reader(ToDoubleFunction.class, "applyAsDouble", double.class, handle) : null;
            method = null;
            numberMethod = null;
        } else {
            method = (BiFunction<Object, Object, Object>) reader(BiFunction.class, "apply", Object.class, handle);
            numberMethod = number ? (ToDoubleBiFunction<Object, Object>) reader(ToDoubleBiFunction.class, "applyAsDouble", double.class, handle) : null;
            property = null;
            numberProperty = null;
        }
    }

    /** An instance of the functional interface whose one method calls the target with its arguments as Objects. */
    private static Object reader(Class<?> functionalInterface, String methodName, Class<?> returned,
                                 MethodHandle target) throws Throwable {
        MethodType generic = MethodType.genericMethodType(target.type().parameterCount()).changeReturnType(returned);
        MethodType instantiated = returned == double.class
                ? target.type().changeReturnType(double.class) : target.type().wrap();
        return LambdaMetafactory.metafactory(LOOKUP, methodName, MethodType.methodType(functionalInterface), generic,
                target, instantiated).getTarget().invoke();
    }

    /**
     * @param arguments the call's literal arguments, or null for a property
     * @return null when the fact type has no such public property or one-argument method
     */
    static FactAccessor of(Class<?> factType, String name, List<Object> arguments) {
        if (arguments != null && arguments.size() != 1) {
            return null;
        }
        Method method = arguments == null ? getter(factType, name) : method(factType, name, arguments);
        if (method == null) {
            return null;
        }
        try {
            return arguments == null ? new FactAccessor(name, method, null)
                    : new FactAccessor(name + arguments, method, arguments.get(0));
        } catch (Throwable e) {
            if (e instanceof Error error && !(error instanceof LinkageError)) {
                throw error;
            }
            return null;
        }
    }

    private static Method getter(Class<?> factType, String property) {
        String capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String name : List.of("get" + capitalised, "is" + capitalised)) {
            Method method = publicMethod(factType, name, new Class<?>[0]);
            if (method != null && method.getReturnType() != void.class
                    && (name.startsWith("get") || method.getReturnType() == boolean.class)) {
                return method;
            }
        }
        return null;
    }

    private static Method method(Class<?> factType, String name, List<Object> arguments) {
        Class<?>[] parameterTypes = new Class<?>[arguments.size()];
        for (int i = 0; i < parameterTypes.length; i++) {
            if (!(arguments.get(i) instanceof String)) {
                return null;
            }
            parameterTypes[i] = String.class;
        }
        Method method = publicMethod(factType, name, parameterTypes);
        return method == null || method.getReturnType() == void.class ? null : method;
    }

    private static Method publicMethod(Class<?> factType, String name, Class<?>[] parameterTypes) {
        try {
            Method method = factType.getMethod(name, parameterTypes);
            boolean own = method.getDeclaringClass() == factType;
            return own && Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                    ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static boolean isPrimitiveNumber(Class<?> type) {
        return type == double.class || type == float.class || type == int.class || type == short.class
                || type == byte.class;
    }

    static boolean isBoxedNumber(Class<?> type) {
        return type == Double.class || type == Float.class || type == Integer.class || type == Short.class
                || type == Byte.class;
    }

    Class<?> type() {
        return type;
    }

    Object read(Object fact) {
        return switch (known) {
            case SIGNAL_NAME -> ((Signal) fact).getName();
            case SIGNAL_LABEL -> ((Signal) fact).getLabel();
            case INTERACTION_TEXT -> ((Interaction) fact).text((String) argument);
            case INTERACTION_LANGUAGE -> ((Interaction) fact).getLanguage();
            case INTERACTION_TIER -> ((Interaction) fact).getCustomerTier();
            case INTERACTION_CONFIDENCE -> ((Interaction) fact).getAiConfidence();
            case DECISION_HUMAN -> ((Decision) fact).isHuman();
            default -> argument == null ? property.apply(fact) : method.apply(fact, argument);
        };
    }

    /** Only for a primitive number. */
    double readDouble(Object fact) {
        if (known == Known.SIGNAL_VALUE) {
            return ((Signal) fact).getValue();
        }
        if (known == Known.INTERACTION_NUMBER) {
            return ((Interaction) fact).number((String) argument);
        }
        return argument == null ? numberProperty.applyAsDouble(fact) : numberMethod.applyAsDouble(fact, argument);
    }

    @Override
    public String toString() {
        return expression;
    }
}
