package dev.tandem.rules.sandbox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.tandem.rules.sandbox.Source;

/**
 * Checks an expression the rules compiler interprets rather than compiles (a pattern constraint, a {@code from}
 * source) by its text: every type it names, by simple or qualified name, must be on the allow-list, and no member it
 * calls may be one that reaches the class, the runtime or the engine. Weaker than the class check, which sees the
 * resolved calls, so the words are checked strictly.
 */
final class ExpressionCheck {
    /** Members that give a value's way out of the sandbox, whatever the value's type. */
    private static final Set<String> REFUSED_MEMBERS = Set.of("getClass", "class", "forName", "getRuntime", "exec",
            "exit", "halt", "invoke", "newInstance", "loadClass", "getClassLoader", "getDeclaredMethod",
            "getDeclaredMethods", "getMethod", "getMethods", "getDeclaredField", "getDeclaredFields", "getField",
            "getFields", "getDeclaredConstructor", "getConstructor", "setAccessible", "getKieRuntime",
            "getWorkingMemory", "getKieBase", "getSession", "getReteEvaluator", "getDeclaringClass", "wait",
            "notify", "notifyAll", "ruleFiring", "start", "run", "getProperty", "getenv", "lookup", "eval");
    private static final Set<String> LOOP_WORDS = Set.of("while", "for", "foreach", "do", "until");

    private final AllowList allowList;
    private final Findings findings;

    ExpressionCheck(AllowList allowList, Findings findings) {
        this.allowList = allowList;
        this.findings = findings;
    }

    void check(String expression, List<String> imports, Source source) {
        String code = withoutLiterals(expression);
        for (Chain chain : Chain.scan(code)) {
            check(chain, imports, source);
        }
    }

    private void check(Chain chain, List<String> imports, Source source) {
        List<String> words = chain.words();
        String first = words.get(0);
        if (words.size() == 1 && LOOP_WORDS.contains(first)) {
            findings.add(source, first, "contains a loop ('" + first + "'): loops are not allowed in rules");
            return;
        }
        int typeAt = typeIndex(words);
        if (typeAt >= 0) {
            String type = typeAt == 0 ? resolve(first, imports) : String.join("/", words.subList(0, typeAt + 1));
            checkType(type, words, typeAt, chain.created(), source);
        }
        for (int i = Math.max(typeAt + 2, 1); i < words.size(); i++) {
            refuseMember(words.get(i), String.join(".", words.subList(0, i + 1)), source);
        }
    }

    /** A type and, when the chain goes on, the static member it reaches: {@code System.exit} is a call of exit. */
    private void checkType(String type, List<String> words, int typeAt, boolean created, Source source) {
        String dotted = type.replace('/', '.');
        if (typeAt + 1 < words.size() && !created) {
            String member = words.get(typeAt + 1);
            String refusal = allowList.refusal(type, member);
            if (refusal != null) {
                findings.add(source, dotted + "." + member, "calls " + dotted + "." + member + ": " + refusal);
            }
        } else if (!allowList.usable(type)) {
            findings.add(source, dotted, (created ? "creates " : "uses ") + dotted + ": " + allowList.reasonFor(type));
        }
    }

    private void refuseMember(String member, String path, Source source) {
        if (REFUSED_MEMBERS.contains(member)) {
            findings.add(source, path, "calls " + path + ": " + allowList.reasonFor(memberType(member)));
        }
    }

    private static String memberType(String member) {
        return switch (member) {
            case "getRuntime", "exec", "exit", "halt", "getProperty", "getenv" -> "java/lang/Runtime";
            case "getKieRuntime", "getWorkingMemory", "getKieBase", "getSession", "getReteEvaluator", "ruleFiring" ->
                    "org/kie/api/runtime/KieRuntime";
            case "wait", "notify", "notifyAll", "start", "run" -> "java/lang/Thread";
            case "lookup" -> "javax/naming/Context";
            case "eval" -> "javax/script/ScriptEngine";
            default -> "java/lang/Class";
        };
    }

    /**
     * Where the chain names a type: its first word when capitalised (a simple name), or the first capitalised word
     * after lower-case package words ({@code java.lang.System}); -1 when it names none (a variable or a field).
     */
    private static int typeIndex(List<String> words) {
        if (Character.isUpperCase(words.get(0).charAt(0))) {
            return 0;
        }
        if (words.get(0).startsWith("$")) {
            return -1;
        }
        for (int i = 1; i < words.size(); i++) {
            if (Character.isUpperCase(words.get(i).charAt(0))) {
                return i;
            }
        }
        return -1;
    }

    private static String resolve(String simpleName, List<String> imports) {
        for (String anImport : imports) {
            if (anImport.endsWith("." + simpleName)) {
                return anImport.replace('.', '/');
            }
        }
        return "java/lang/" + simpleName;
    }

    /** The expression with string and character literals blanked out, so that their words are not taken for code. */
    static String withoutLiterals(String expression) {
        StringBuilder code = new StringBuilder(expression.length());
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                    code.append(' ');
                } else if (c == quote) {
                    quote = 0;
                }
                code.append(' ');
            } else if (c == '"' || c == '\'') {
                quote = c;
                code.append(' ');
            } else {
                code.append(c);
            }
        }
        return code.toString();
    }

    /** A dotted chain of words, e.g. {@code java.lang.System.exit}, and whether {@code new} creates it. */
    record Chain(List<String> words, boolean created) {
        static List<Chain> scan(String code) {
            List<Chain> chains = new ArrayList<>();
            int i = 0;
            boolean afterNew = false;
            while (i < code.length()) {
                char c = code.charAt(i);
                if (!Character.isJavaIdentifierStart(c) || (i > 0 && code.charAt(i - 1) == '.')) {
                    i++;
                    continue;
                }
                List<String> words = new ArrayList<>();
                i = readChain(code, i, words);
                if (words.size() == 1 && words.get(0).equals("new")) {
                    afterNew = true;
                    continue;
                }
                chains.add(new Chain(words, afterNew));
                afterNew = false;
            }
            return chains;
        }

        private static int readChain(String code, int start, List<String> words) {
            int i = start;
            while (true) {
                int end = i;
                while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
                    end++;
                }
                words.add(code.substring(i, end));
                int next = skipSpaces(code, end);
                if (next < code.length() && code.charAt(next) == '.') {
                    int wordStart = skipSpaces(code, next + 1);
                    if (wordStart < code.length() && Character.isJavaIdentifierStart(code.charAt(wordStart))) {
                        i = wordStart;
                        continue;
                    }
                }
                return end;
            }
        }

        private static int skipSpaces(String code, int from) {
            int i = from;
            while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
                i++;
            }
            return i;
        }
    }
}
