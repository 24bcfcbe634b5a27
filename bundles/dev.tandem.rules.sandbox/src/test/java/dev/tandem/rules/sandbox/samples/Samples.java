package dev.tandem.rules.sandbox.samples;

import java.util.ArrayList;
import java.util.Map;
import java.util.function.IntConsumer;

/** Class files for the sandbox's tests: what rule code compiles to, allowed and not. Never run. */
public final class Samples {
    private Samples() {
    }

    /** Only value types and collections the method builds itself. */
    public static final class Allowed {
        private static final int LIMIT = 3;

        public static String describe(Map<String, Object> attributes, double score) {
            ArrayList<String> parts = new ArrayList<>();
            parts.add(String.valueOf(Math.max(score, LIMIT)));
            parts.add(attributes.getOrDefault("domain", "none").toString());
            StringBuilder text = new StringBuilder();
            parts.forEach(part -> text.append(part.trim()));
            return text + " " + Integer.parseInt("7") + " " + attributes.size();
        }
    }

    public static final class Loop {
        public static int spin(int n) {
            int i = 0;
            while (i < n) {
                i++;
            }
            return i;
        }
    }

    public static final class Recursion {
        public static int down(int n) {
            return n == 0 ? 0 : up(n - 1);
        }

        public static int up(int n) {
            return down(n);
        }
    }

    public static final class MethodReference {
        public static IntConsumer quit() {
            return System::exit;
        }
    }

    public static final class Lock {
        public static void hold(Object o) {
            synchronized (o) {
                o.hashCode();
            }
        }
    }

    public static final class FactCollection {
        public static void tamper(Map<String, Object> attributes) {
            attributes.put("ruleset", "other");
        }
    }
}
