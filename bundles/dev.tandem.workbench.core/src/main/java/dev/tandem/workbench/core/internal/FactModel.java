package dev.tandem.workbench.core.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.tandem.api.Interaction;
import dev.tandem.api.Signal;
import dev.tandem.api.rules.Decision;

/** What rules can see: the facts the engine inserts into every session and the queues of the routing policy. */
public final class FactModel {
    /** The engine inserts exactly these facts: one interaction, one decision, its signals. */
    public static final List<Class<?>> FACT_TYPES = List.of(Interaction.class, Signal.class, Decision.class);
    public static final List<String> QUEUES =
            List.of("security", "billing", "complaints", "retention", "technical", "care", "general");

    private FactModel() {
    }

    public static Class<?> factType(String qualifiedName) {
        return FACT_TYPES.stream().filter(type -> type.getName().equals(qualifiedName)).findFirst().orElse(null);
    }

    public static String factTypeNames() {
        return String.join(", ", FACT_TYPES.stream().map(Class::getSimpleName).toList());
    }

    /** The names a constraint may use on a fact: bean properties and public fields, as Drools reads them. */
    public static Set<String> properties(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0 && method.getDeclaringClass() != Object.class) {
                String property = propertyName(method);
                if (property != null) {
                    names.add(property);
                }
            }
        }
        for (Field field : type.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                names.add(field.getName());
            }
        }
        return names;
    }

    public static boolean hasMethod(Class<?> type, String name) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String propertyName(Method method) {
        String name = method.getName();
        if (name.startsWith("get") && name.length() > 3) {
            return decapitalize(name.substring(3));
        }
        if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
            return decapitalize(name.substring(2));
        }
        return null;
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
