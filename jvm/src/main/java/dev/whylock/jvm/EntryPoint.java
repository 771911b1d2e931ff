package dev.whylock.jvm;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Checks, from the class file, that a class and method can be the program, and says how to call it. */
final class EntryPoint {
    private EntryPoint() {}

    /** How the method is called: static {@code main(String[])}, another static method, or on a new instance. */
    enum Kind { MAIN, STATIC, INSTANCE }

    static Kind check(String className, String method, byte[] classFile) {
        if (classFile == null) {
            throw new JavaTargetException("no class " + className + " on the class path (expected its .class file under the "
                    + "given directories or jars, e.g. " + className.replace('.', '/') + ".class)");
        }
        ClassNode cn = new ClassNode();
        new ClassReader(classFile).accept(cn, ClassReader.SKIP_CODE);
        boolean sawName = false;
        for (MethodNode m : cn.methods) {
            if (!m.name.equals(method)) {
                continue;
            }
            sawName = true;
            boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
            if (method.equals("main") && isStatic && m.desc.equals("([Ljava/lang/String;)V")) {
                return Kind.MAIN;
            }
            if (m.desc.startsWith("()")) {
                if (isStatic) {
                    return Kind.STATIC;
                }
                if ((cn.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) != 0) {
                    throw new JavaTargetException(className + "#" + method + " is an instance method of an abstract class or interface: "
                            + "whylock cannot create an instance to call it on");
                }
                boolean ctor = cn.methods.stream().anyMatch(c -> c.name.equals("<init>") && c.desc.equals("()V"));
                if (!ctor) {
                    throw new JavaTargetException(className + "#" + method + " is an instance method, but " + className
                            + " has no no-argument constructor to create the instance with");
                }
                return Kind.INSTANCE;
            }
        }
        throw new JavaTargetException(sawName
                ? className + "#" + method + " takes arguments; expected main(String[]) or a method without arguments"
                : "class " + className + " has no method '" + method + "'" + (method.equals("main")
                        ? "; name the method to run with CLASS#METHOD, e.g. " + className + "#run" : ""));
    }
}
