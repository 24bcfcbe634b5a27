package dev.tandem.rules.sandbox.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The types rule code may use, by JVM internal name, and the members of those types it may not. Deny by default:
 * a type that is not listed may not be instantiated, called or read. The Drools runtime's own types may appear in
 * the code Drools generates (casts, signatures), but only the listed members of the consequence context are callable.
 */
public final class AllowList {
    /** Members refused on every allowed type: they reach the runtime, the class or the system properties. */
    private static final Set<String> REFUSED_EVERYWHERE = Set.of("getClass", "wait", "notify", "notifyAll",
            "finalize", "getInteger", "getLong", "getBoolean", "getDeclaringClass", "printStackTrace",
            "setStackTrace", "describeConstable");

    private static final Set<String> JAVA_LANG = Set.of("Object", "String", "StringBuilder", "CharSequence",
            "Character", "Boolean", "Byte", "Short", "Integer", "Long", "Float", "Double", "Number", "Math",
            "StrictMath", "Comparable", "Iterable", "Enum", "Record", "Runnable", "Void", "Throwable", "Exception",
            "RuntimeException", "IllegalArgumentException", "IllegalStateException", "ArithmeticException",
            "NullPointerException", "NumberFormatException", "UnsupportedOperationException",
            "IndexOutOfBoundsException", "ClassCastException");
    private static final Set<String> JAVA_UTIL = Set.of("List", "ArrayList", "LinkedList", "Map", "Map$Entry",
            "HashMap", "LinkedHashMap", "TreeMap", "Set", "HashSet", "LinkedHashSet", "TreeSet", "Collection",
            "Iterator", "ListIterator", "Collections", "Arrays", "Objects", "Optional", "OptionalInt",
            "OptionalDouble", "Comparator", "StringJoiner", "Locale", "NoSuchElementException");
    /** Mutators of the java.util interfaces: a rule may fill collections it built, not the facts' own. */
    private static final Set<String> COLLECTION_MUTATORS = Set.of("add", "addAll", "remove", "removeAll",
            "removeIf", "retainAll", "clear", "put", "putAll", "putIfAbsent", "replace", "replaceAll", "compute",
            "computeIfAbsent", "computeIfPresent", "merge", "set", "sort", "addFirst", "addLast", "removeFirst",
            "removeLast", "setValue");
    private static final Set<String> COLLECTION_INTERFACES = Set.of("java/util/List", "java/util/Map",
            "java/util/Set", "java/util/Collection", "java/util/Iterator", "java/util/ListIterator",
            "java/util/Map$Entry");
    private static final Set<String> FACT_MODEL = Set.of("dev/tandem/api/Interaction", "dev/tandem/api/Message",
            "dev/tandem/api/Customer", "dev/tandem/api/Signal", "dev/tandem/api/Reason", "dev/tandem/api/Route",
            "dev/tandem/api/RulesetRef", "dev/tandem/api/rules/Decision");
    /** Engine bookkeeping on the decision fact: a rule calling them would forge the reasons. */
    private static final Set<String> ENGINE_ONLY = Set.of("ruleFiring", "changeCount");
    /** What consequences may ask of their context: working-memory actions, not the session or the engine. */
    private static final Map<String, Set<String>> DROOLS_CALLABLE = Map.of(
            "org/drools/core/rule/consequence/KnowledgeHelper", Set.of("insert", "insertLogical", "update",
                    "delete", "retract", "modify", "modifyRetract", "modifyInsert", "getFactHandle", "getRule", "getMatch",
                    "halt"),
            "org/kie/api/runtime/rule/RuleContext", Set.of("getRule", "getMatch", "insertLogical", "halt"),
            "org/kie/api/definition/rule/Rule", Set.of("getName", "getPackageName"));
    /** Which properties an update changed: plain bit sets that update and modify pass to the engine. */
    private static final String PROPERTY_MASKS = "org/drools/util/bitmask/";
    private static final List<String> EXTRA_PACKAGES = List.of("java/time/", "java/util/function/", "java/math/");

    public static final AllowList STANDARD = new AllowList();

    private AllowList() {
    }

    /** May the type appear in rule code at all (a signature, a cast, a class literal)? */
    public boolean mentionable(String type) {
        return usable(type) || droolsRuntime(type);
    }

    /** May rule code create and call this type? */
    public boolean usable(String type) {
        if (type.startsWith("java/lang/") && type.indexOf('/', 10) < 0) {
            return JAVA_LANG.contains(type.substring(10));
        }
        if (type.startsWith("java/util/") && type.indexOf('/', 10) < 0) {
            return JAVA_UTIL.contains(type.substring(10));
        }
        return FACT_MODEL.contains(type) || EXTRA_PACKAGES.stream().anyMatch(p -> type.startsWith(p)
                && !type.equals("java/time/Clock") && !type.equals("java/time/InstantSource"));
    }

    /** Why a call or field access is refused, or null when it is allowed. */
    public String refusal(String owner, String member) {
        if (owner.startsWith(PROPERTY_MASKS)) {
            return null;
        }
        if (DROOLS_CALLABLE.containsKey(owner)) {
            return DROOLS_CALLABLE.get(owner).contains(member) ? null : Category.ENGINE.reason;
        }
        if (!usable(owner)) {
            return Category.of(owner, member).reason;
        }
        if (REFUSED_EVERYWHERE.contains(member)) {
            return Category.of(owner, member).reason;
        }
        if (owner.equals("dev/tandem/api/rules/Decision") && ENGINE_ONLY.contains(member)) {
            return Category.ENGINE.reason;
        }
        if (COLLECTION_INTERFACES.contains(owner) && COLLECTION_MUTATORS.contains(member)) {
            return Category.FACT_STATE.reason;
        }
        return null;
    }

    /** Why a type is refused (for the message), by what it gives access to. */
    public String reasonFor(String type) {
        return Category.of(type, "").reason;
    }

    static boolean droolsRuntime(String type) {
        return type.startsWith("org/drools/") || type.startsWith("org/kie/");
    }

    /** What a refused type or member would give access to; only the message depends on it. */
    enum Category {
        PROCESS("process and system control is not allowed in rules"),
        NATIVE("native code is not allowed in rules"),
        FILES("file I/O is not allowed in rules"),
        NETWORK("network I/O is not allowed in rules"),
        REFLECTION("reflection is not allowed in rules"),
        CLASS_LOADING("class loading is not allowed in rules"),
        THREADS("threads, executors and locks are not allowed in rules"),
        JNDI("JNDI is not allowed in rules"),
        SCRIPTING("scripting engines are not allowed in rules"),
        UNSAFE("Unsafe and JDK internals are not allowed in rules"),
        STREAMS("streams are not allowed in rules: rules iterate by firing, which the firing limit bounds"),
        ENGINE("the engine's internals are not allowed in rules: only insert, update, modify, delete and getRule"),
        FACT_STATE("rules may not change the facts' collections: change only a collection the rule built,"
                + " declared by its class (ArrayList, HashMap, ...), never through List, Map, Set or Collection"),
        OTHER("it is not on the rule sandbox's allow-list");

        final String reason;

        Category(String reason) {
            this.reason = reason;
        }

        static Category of(String type, String member) {
            if (member.equals("load") || member.equals("loadLibrary") || type.startsWith("java/lang/foreign/")) {
                return NATIVE;
            }
            if (member.equals("getClass") || member.equals("getDeclaringClass") || member.equals("describeConstable")) {
                return REFLECTION;
            }
            if (member.equals("wait") || member.startsWith("notify")) {
                return THREADS;
            }
            if (member.equals("printStackTrace")) {
                return FILES;
            }
            if (member.equals("getInteger") || member.equals("getLong") || member.equals("getBoolean")) {
                return PROCESS;
            }
            return ofType(type);
        }

        private static Category ofType(String type) {
            for (Map.Entry<String, Category> prefix : BY_PREFIX) {
                if (type.startsWith(prefix.getKey())) {
                    return prefix.getValue();
                }
            }
            return droolsRuntime(type) ? ENGINE : OTHER;
        }

        /** In order: the first prefix a type starts with names its category. */
        private static final List<Map.Entry<String, Category>> BY_PREFIX = List.of(
                Map.entry("java/lang/System", PROCESS), Map.entry("java/lang/Runtime", PROCESS),
                Map.entry("java/lang/Process", PROCESS), Map.entry("java/lang/Shutdown", PROCESS),
                Map.entry("java/lang/StackWalker", REFLECTION), Map.entry("java/lang/reflect/", REFLECTION),
                Map.entry("java/lang/invoke/", REFLECTION), Map.entry("java/lang/ClassLoader", CLASS_LOADING),
                Map.entry("java/lang/Class", REFLECTION), Map.entry("java/lang/Module", REFLECTION),
                Map.entry("java/beans/", REFLECTION), Map.entry("java/net/URLClassLoader", CLASS_LOADING),
                Map.entry("java/security/SecureClassLoader", CLASS_LOADING), Map.entry("java/lang/Thread", THREADS),
                Map.entry("java/lang/VirtualThread", THREADS), Map.entry("java/lang/ScopedValue", THREADS),
                Map.entry("java/lang/InheritableThreadLocal", THREADS), Map.entry("java/util/concurrent/", THREADS),
                Map.entry("java/util/Timer", THREADS), Map.entry("java/io/", FILES), Map.entry("java/nio/", FILES),
                Map.entry("java/util/zip/", FILES), Map.entry("java/util/jar/", FILES),
                Map.entry("java/util/Scanner", FILES), Map.entry("java/util/Properties", FILES),
                Map.entry("java/net/", NETWORK), Map.entry("javax/net/", NETWORK), Map.entry("java/rmi/", NETWORK),
                Map.entry("java/sql/", NETWORK), Map.entry("javax/naming/", JNDI), Map.entry("javax/script/", SCRIPTING),
                Map.entry("jdk/jshell/", SCRIPTING), Map.entry("org/mvel2/", SCRIPTING), Map.entry("sun/", UNSAFE),
                Map.entry("jdk/internal/", UNSAFE), Map.entry("com/sun/", UNSAFE),
                Map.entry("java/lang/management/", UNSAFE), Map.entry("javax/management/", UNSAFE),
                Map.entry("java/util/stream/", STREAMS));
    }
}
