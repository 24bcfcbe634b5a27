package dev.tandem.rules.sandbox.internal;

import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import dev.tandem.rules.sandbox.Source;

/**
 * Reads one class file's code and reports every reference outside the allow-list: calls, field accesses, created and
 * cast types, method handles of lambdas and method references, static mutable state, native methods, locks, and
 * loops (backward branches, which nothing can interrupt on a running thread).
 */
final class ClassCheck extends ClassVisitor {
    private static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory");

    private final AllowList allowList;
    private final Set<String> ownClasses;
    private final Findings findings;
    private final Source source;
    private final CallGraph calls;
    private String className;

    private ClassCheck(AllowList allowList, Set<String> ownClasses, Findings findings, Source source, CallGraph calls) {
        super(Opcodes.ASM9);
        this.allowList = allowList;
        this.ownClasses = ownClasses;
        this.findings = findings;
        this.source = source;
        this.calls = calls;
    }

    static void check(byte[] bytes, Source source, AllowList allowList, Set<String> ownClasses, Findings findings,
                      CallGraph calls) {
        ClassReader reader;
        try {
            reader = new ClassReader(bytes);
        } catch (RuntimeException unreadable) {
            findings.add(source, "an unreadable class file", "it is not a class file the sandbox can check");
            return;
        }
        reader.accept(new ClassCheck(allowList, ownClasses, findings, source, calls), 0);
    }

    /**
     * Is this one of the invoker classes the rules compiler makes from its own templates? They only forward to
     * the rule's class (which holds the rule's code and is checked) and do Drools' plumbing.
     */
    static boolean compilerTemplate(byte[] bytes) {
        try {
            ClassReader reader = new ClassReader(bytes);
            return reader.getClassName().endsWith("Invoker")
                    && java.util.Arrays.stream(reader.getInterfaces()).anyMatch(AllowList::droolsRuntime);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** The internal name of a class file, or null when it is not one. */
    static String nameOf(byte[] bytes) {
        try {
            return new ClassReader(bytes).getClassName();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        className = name;
        if (superName != null) {
            supertype(superName, "extends");
        }
        for (String anInterface : interfaces) {
            supertype(anInterface, "implements");
        }
    }

    private void supertype(String type, String how) {
        if (!ownClasses.contains(type) && !allowList.mentionable(type)) {
            findings.add(source, dotted(type), "class " + dotted(className) + " " + how + " " + dotted(type) + ": "
                    + allowList.reasonFor(type));
        }
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        if ((access & Opcodes.ACC_STATIC) != 0 && (access & Opcodes.ACC_FINAL) == 0) {
            findings.add(source, dotted(className) + "." + name, "declares the static field " + name
                    + ": static mutable state is not allowed in rules (it outlives the decision)");
        }
        return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        if ((access & Opcodes.ACC_NATIVE) != 0) {
            findings.add(source, dotted(className) + "." + name, "declares the native method " + name
                    + ": native code is not allowed in rules");
        }
        if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            findings.add(source, "synchronized", "declares the synchronized method " + name
                    + ": threads, executors and locks are not allowed in rules");
        }
        return new CodeCheck(new CallGraph.Method(className, name, descriptor));
    }

    private void mentions(Type type) {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() == Type.OBJECT && !ownClasses.contains(element.getInternalName())
                && !allowList.mentionable(element.getInternalName())) {
            findings.add(source, dotted(element.getInternalName()), "uses " + dotted(element.getInternalName())
                    + ": " + allowList.reasonFor(element.getInternalName()));
        }
    }

    private void uses(String type) {
        Type parsed = type.startsWith("[") ? Type.getType(type) : Type.getObjectType(type);
        Type element = parsed.getSort() == Type.ARRAY ? parsed.getElementType() : parsed;
        if (element.getSort() == Type.OBJECT && !ownClasses.contains(element.getInternalName())
                && !allowList.usable(element.getInternalName())) {
            findings.add(source, dotted(element.getInternalName()), "uses " + dotted(element.getInternalName())
                    + ": " + allowList.reasonFor(element.getInternalName()));
        }
    }

    private void member(String owner, String name, String verb) {
        if (owner.startsWith("[") || ownClasses.contains(owner)) {
            return;
        }
        String refusal = allowList.refusal(owner, name);
        if (refusal != null) {
            findings.add(source, dotted(owner) + "." + name, verb + " " + dotted(owner) + "." + name + ": " + refusal);
        }
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }

    /** The instructions of one method. */
    private final class CodeCheck extends MethodVisitor {
        private final CallGraph.Method method;
        private final boolean initializer;
        private final Set<Label> seen = new HashSet<>();
        private boolean loopReported;

        CodeCheck(CallGraph.Method method) {
            super(Opcodes.ASM9);
            this.method = method;
            this.initializer = "<clinit>".equals(method.name());
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            backwards(label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            backwards(dflt);
            for (Label label : labels) {
                backwards(label);
            }
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            visitTableSwitchInsn(0, 0, dflt, labels);
        }

        private void backwards(Label target) {
            if (seen.contains(target) && !loopReported) {
                loopReported = true;
                findings.add(source, "loop", "contains a loop: loops are not allowed in rules, because nothing can"
                        + " stop a running one (rules iterate by firing, which the firing limit bounds)");
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.MONITORENTER) {
                findings.add(source, "synchronized", "locks an object (synchronized): threads, executors and locks"
                        + " are not allowed in rules");
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW) {
                uses(type);
            } else {
                Type parsed = type.startsWith("[") ? Type.getType(type) : Type.getObjectType(type);
                mentions(parsed);
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            mentions(Type.getType(descriptor));
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (opcode == Opcodes.PUTSTATIC && !(initializer && owner.equals(className))) {
                findings.add(source, dotted(owner) + "." + name, "writes the static field " + dotted(owner) + "."
                        + name + ": static mutable state is not allowed in rules (it outlives the decision)");
                return;
            }
            member(owner, name, "reads");
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            member(owner, name, "calls");
            if (ownClasses.contains(owner)) {
                calls.call(method, new CallGraph.Method(owner, name, descriptor));
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            if (!BOOTSTRAPS.contains(bootstrap.getOwner())) {
                findings.add(source, dotted(bootstrap.getOwner()) + "." + bootstrap.getName(), "links a call through "
                        + dotted(bootstrap.getOwner()) + "." + bootstrap.getName() + ": reflection is not allowed in rules");
            }
            for (Object argument : arguments) {
                constant(argument);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(value);
        }

        private void constant(Object value) {
            if (value instanceof Handle handle) {
                member(handle.getOwner(), handle.getName(), "refers to");
                if (ownClasses.contains(handle.getOwner())) {
                    calls.call(method, new CallGraph.Method(handle.getOwner(), handle.getName(), handle.getDesc()));
                }
            } else if (value instanceof Type type && type.getSort() != Type.METHOD) {
                mentions(type);
            } else if (value instanceof ConstantDynamic dynamic) {
                findings.add(source, dynamic.getName(), "loads a dynamic constant: reflection is not allowed in rules");
            }
        }
    }
}
