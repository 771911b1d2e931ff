package dev.whylock.jvm.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * The class hierarchy as the rewriter needs it, read from class files without loading them:
 * superclasses, interfaces, declared fields and methods of application and JDK classes.
 */
public final class Hierarchy {

    /** What the rewriter needs to know about one class. */
    public record ClassInfo(String name, String superName, List<String> interfaces, int access,
                            Map<String, Integer> fieldAccess, Map<String, String> fieldDesc, List<String> methods) {

        boolean isInterface() {
            return (access & Opcodes.ACC_INTERFACE) != 0;
        }

        boolean declaresMethod(String name, String desc) {
            return methods.contains(name + desc);
        }
    }

    /** A resolved field: the class that declares it and its access flags. */
    public record FieldRef(String owner, String name, String desc, int access) {
        boolean isStatic() {
            return (access & Opcodes.ACC_STATIC) != 0;
        }
    }

    private final Function<String, byte[]> bytes;
    private final Map<String, ClassInfo> cache = new ConcurrentHashMap<>();
    private static final ClassInfo MISSING = new ClassInfo("", null, List.of(), 0, Map.of(), Map.of(), List.of());

    /** {@code bytes} gives the class file of an internal name, or null; JDK classes are read from the runtime image otherwise. */
    public Hierarchy(Function<String, byte[]> bytes) {
        this.bytes = bytes;
    }

    /** The class, or null when no class file is found. */
    public ClassInfo info(String internalName) {
        ClassInfo i = cache.computeIfAbsent(internalName, this::read);
        return i == MISSING ? null : i;
    }

    private ClassInfo read(String name) {
        byte[] b = bytes.apply(name);
        if (b == null) {
            b = jdkBytes(name);
        }
        if (b == null) {
            return MISSING;
        }
        ClassReader r = new ClassReader(b);
        Map<String, Integer> access = new ConcurrentHashMap<>();
        Map<String, String> desc = new ConcurrentHashMap<>();
        List<String> methods = new ArrayList<>();
        r.accept(new org.objectweb.asm.ClassVisitor(Opcodes.ASM9) {
            @Override
            public org.objectweb.asm.FieldVisitor visitField(int acc, String n, String d, String s, Object v) {
                access.put(n, acc);
                desc.put(n, d);
                return null;
            }

            @Override
            public org.objectweb.asm.MethodVisitor visitMethod(int acc, String n, String d, String s, String[] e) {
                methods.add(n + d);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassInfo(name, r.getSuperName(), List.of(r.getInterfaces()), r.getAccess(), Map.copyOf(access),
                Map.copyOf(desc), List.copyOf(methods));
    }

    static byte[] jdkBytes(String internalName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether {@code name} is {@code ancestor} or extends or implements it. */
    public boolean isSubtype(String name, String ancestor) {
        if (name == null) {
            return false;
        }
        if (name.equals(ancestor)) {
            return true;
        }
        ClassInfo i = info(name);
        if (i == null) {
            return false;
        }
        if (isSubtype(i.superName(), ancestor)) {
            return true;
        }
        for (String itf : i.interfaces()) {
            if (isSubtype(itf, ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The declaration a field instruction on {@code owner} refers to (JVMS 5.4.3.2), or null when unknown. */
    public FieldRef resolveField(String owner, String name) {
        ClassInfo i = info(owner);
        if (i == null) {
            return null;
        }
        Integer acc = i.fieldAccess().get(name);
        if (acc != null) {
            return new FieldRef(owner, name, i.fieldDesc().get(name), acc);
        }
        for (String itf : i.interfaces()) {
            FieldRef r = resolveField(itf, name);
            if (r != null) {
                return r;
            }
        }
        return i.superName() == null ? null : resolveField(i.superName(), name);
    }

    /** The closest class that declares {@code name+desc}, searching superclasses only, or null. */
    public String declaringClass(String owner, String name, String desc) {
        for (String c = owner; c != null; ) {
            ClassInfo i = info(c);
            if (i == null) {
                return null;
            }
            if (i.declaresMethod(name, desc)) {
                return c;
            }
            c = i.superName();
        }
        return null;
    }

    /** The common superclass of two classes, for stack map frames. */
    public String commonSuperClass(String a, String b) {
        if (isSubtype(b, a)) {
            return a;
        }
        if (isSubtype(a, b)) {
            return b;
        }
        ClassInfo ia = info(a);
        ClassInfo ib = info(b);
        if (ia == null || ib == null || ia.isInterface() || ib.isInterface()) {
            return "java/lang/Object";
        }
        String c = a;
        while (c != null && !isSubtype(b, c)) {
            ClassInfo ic = info(c);
            c = ic == null ? null : ic.superName();
        }
        return c == null ? "java/lang/Object" : c;
    }
}
