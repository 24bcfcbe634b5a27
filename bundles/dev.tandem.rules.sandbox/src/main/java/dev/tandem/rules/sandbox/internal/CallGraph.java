package dev.tandem.rules.sandbox.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls between the methods of a rule bundle's own classes, to find recursion: like a loop, a recursion that
 * explodes (rather than overflowing the stack) cannot be stopped once it runs.
 */
final class CallGraph {
    /** A method of one of the bundle's classes: owner, name and descriptor. */
    record Method(String owner, String name, String descriptor) {
    }

    private final Map<Method, Set<Method>> calls = new LinkedHashMap<>();

    void call(Method caller, Method callee) {
        calls.computeIfAbsent(caller, m -> new HashSet<>()).add(callee);
    }

    /** One method of every cycle of calls. */
    List<Method> recursive() {
        List<Method> found = new ArrayList<>();
        Map<Method, Integer> state = new HashMap<>();
        for (Method method : calls.keySet()) {
            visit(method, state, found);
        }
        return found;
    }

    private static final int ON_PATH = 1;
    private static final int DONE = 2;

    private void visit(Method method, Map<Method, Integer> state, List<Method> found) {
        Integer seen = state.get(method);
        if (seen != null) {
            return;
        }
        state.put(method, ON_PATH);
        for (Method callee : calls.getOrDefault(method, Set.of())) {
            if (Integer.valueOf(ON_PATH).equals(state.get(callee))) {
                found.add(callee);
            } else {
                visit(callee, state, found);
            }
        }
        state.put(method, DONE);
    }
}
