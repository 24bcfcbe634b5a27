package dev.tandem.engine.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Reads one value of a fact as a DRL constraint names it: a property ({@code value}: {@code getValue()} or
 * {@code isValue()}) or a public method with literal arguments ({@code text("domain")}).
 */
final class FactAccessor {
    private final String expression;
    private final Class<?> type;
    private final MethodHandle asObject;
    private final MethodHandle asDouble;

    private FactAccessor(String expression, Class<?> type, MethodHandle reader) {
        this.expression = expression;
        this.type = type;
        this.asObject = reader.asType(MethodType.methodType(Object.class, Object.class));
        this.asDouble = isPrimitiveNumber(type) ? reader.asType(MethodType.methodType(double.class, Object.class)) : null;
    }

    /**
     * @param arguments the call's literal arguments, or null for a property
     * @return null when the fact type has no such public property or method
     */
    static FactAccessor of(Class<?> factType, String name, List<Object> arguments) {
        Method method = arguments == null ? getter(factType, name) : method(factType, name, arguments);
        if (method == null) {
            return null;
        }
        try {
            MethodHandle reader = MethodHandles.publicLookup().unreflect(method);
            if (arguments != null && !arguments.isEmpty()) {
                reader = MethodHandles.insertArguments(reader, 1, arguments.toArray());
            }
            String expression = arguments == null ? name : name + arguments;
            return new FactAccessor(expression, method.getReturnType(), reader);
        } catch (IllegalAccessException | ClassCastException e) {
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

    Object read(Object fact) throws Throwable {
        return (Object) asObject.invokeExact(fact);
    }

    double readDouble(Object fact) throws Throwable {
        return (double) asDouble.invokeExact(fact);
    }

    @Override
    public String toString() {
        return expression;
    }
}
