package dev.whylock.jvm.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Deterministic identity hash codes: a class whose instances would hash by identity (it extends a
 * JDK class that does not override {@code hashCode}, and declares none) gets an identity drawn
 * from the runtime in its constructors, and a {@code hashCode} returning it. HashMap order and
 * default {@code toString} then repeat from one execution, and one JVM, to the next.
 */
final class IdentityInjector {
    private IdentityInjector() {}

    static final String FIELD = "$whylock$id";
    static final String IDENTIFIED = Redirects.RT + "Identified";
    static final String ACCESSOR = "$whylock$identity";

    static boolean applies(ClassNode cn, Instrumenter ins) {
        if ((cn.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ENUM)) != 0 || cn.superName == null
                || cn.superName.equals("java/lang/Record") || ins.rewrites(cn.superName)) {
            return false;
        }
        for (MethodNode m : cn.methods) {
            if (m.name.equals("hashCode") && m.desc.equals("()I")) {
                return false;
            }
        }
        String declaring = ins.hierarchy().declaringClass(cn.superName, "hashCode", "()I");
        return "java/lang/Object".equals(declaring);
    }

    static void inject(ClassNode cn) {
        cn.fields.add(new FieldNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_TRANSIENT, FIELD, "I", null, null));
        cn.interfaces.add(IDENTIFIED);
        MethodNode id = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, ACCESSOR, "()I", null, null);
        LabelNode known = new LabelNode();
        InsnList c = id.instructions;
        c.add(new VarInsnNode(Opcodes.ALOAD, 0));
        c.add(new FieldInsnNode(Opcodes.GETFIELD, cn.name, FIELD, "I"));
        c.add(new InsnNode(Opcodes.DUP));
        c.add(new JumpInsnNode(Opcodes.IFNE, known));
        c.add(new InsnNode(Opcodes.POP));
        c.add(new VarInsnNode(Opcodes.ALOAD, 0));
        c.add(Emit.call(Redirects.RT + "RtSystem", "newIdentity", "()I"));
        c.add(new InsnNode(Opcodes.DUP_X1));
        c.add(new FieldInsnNode(Opcodes.PUTFIELD, cn.name, FIELD, "I"));
        c.add(known);
        c.add(new InsnNode(Opcodes.IRETURN));
        cn.methods.add(id);
        MethodNode hash = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, "hashCode", "()I", null, null);
        hash.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        hash.instructions.add(new org.objectweb.asm.tree.MethodInsnNode(Opcodes.INVOKEVIRTUAL, cn.name, ACCESSOR, "()I", false));
        hash.instructions.add(new InsnNode(Opcodes.IRETURN));
        cn.methods.add(hash);
    }

    /** Draws the identity right after the superclass constructor returned. */
    static void afterSuper(ClassNode cn, InsnList in, AbstractInsnNode superCall) {
        InsnList l = new InsnList();
        l.add(new VarInsnNode(Opcodes.ALOAD, 0));
        l.add(Emit.call(Redirects.RT + "RtSystem", "newIdentity", "()I"));
        l.add(new FieldInsnNode(Opcodes.PUTFIELD, cn.name, FIELD, "I"));
        in.insert(superCall, l);
    }
}
