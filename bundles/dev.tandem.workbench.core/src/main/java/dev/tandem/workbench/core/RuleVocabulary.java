package dev.tandem.workbench.core;

import java.util.List;
import java.util.Set;

import dev.tandem.workbench.core.internal.FactModel;

/** What rules may name, for editors' content assist: the fact types, their fields, the queues. */
public final class RuleVocabulary {
    private RuleVocabulary() {
    }

    /** Simple names of the facts the engine inserts into every session. */
    public static List<String> factTypes() {
        return FactModel.FACT_TYPES.stream().map(Class::getSimpleName).toList();
    }

    /** The fields a constraint may use on a fact type, empty for an unknown type. */
    public static Set<String> fields(String factType) {
        return FactModel.FACT_TYPES.stream().filter(type -> type.getSimpleName().equals(factType)).findFirst()
                .map(FactModel::properties).orElse(Set.of());
    }

    /** The queues of the routing policy. */
    public static List<String> queues() {
        return FactModel.QUEUES;
    }
}
