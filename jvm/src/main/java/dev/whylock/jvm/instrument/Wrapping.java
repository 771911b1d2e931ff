package dev.whylock.jvm.instrument;

import java.util.function.Supplier;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Code around a whole method: the monitor of a synchronized method (taken on entry, released on
 * every return and on any exception), and the bracket that tells the runtime a static initialiser
 * is running (no scheduling there: the JVM holds the class's initialisation lock).
 */
final class Wrapping {
    private Wrapping() {}

    static void synchronizedMethod(MethodRewriter r, int lockSlot, int site) {
        boolean isStatic = (r.m.access & Opcodes.ACC_STATIC) != 0;
        Type self = Type.getObjectType(r.cls.cn.name);
        InsnList enter = new InsnList();
        if (isStatic) {
            enter.add(new LdcInsnNode(self));
        } else {
            enter.add(new VarInsnNode(Opcodes.ALOAD, 0));
            enter.add(new InsnNode(Opcodes.DUP));
            enter.add(new VarInsnNode(Opcodes.ASTORE, lockSlot));
        }
        enter.add(Emit.push(site));
        enter.add(Emit.rt("monitorEnter", "(Ljava/lang/Object;I)V"));
        wrap(r, enter, () -> {
            InsnList exit = new InsnList();
            exit.add(isStatic ? new LdcInsnNode(self) : new VarInsnNode(Opcodes.ALOAD, lockSlot));
            exit.add(Emit.push(site));
            exit.add(Emit.rt("monitorExit", "(Ljava/lang/Object;I)V"));
            return exit;
        });
    }

    static void staticInitializer(MethodRewriter r) {
        InsnList enter = new InsnList();
        enter.add(Emit.rt("clinitEnter", "()V"));
        wrap(r, enter, () -> {
            InsnList exit = new InsnList();
            exit.add(Emit.rt("clinitExit", "()V"));
            return exit;
        });
    }

    /** Runs {@code enter} first, {@code exit} before every return, and {@code exit} then rethrow on any exception. */
    private static void wrap(MethodRewriter r, InsnList enter, Supplier<InsnList> exit) {
        InsnList in = r.in;
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        for (AbstractInsnNode n : in.toArray()) {
            int op = n.getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                in.insertBefore(n, exit.get());
            }
        }
        enter.add(start);
        in.insert(enter);
        InsnList tail = new InsnList();
        tail.add(end);
        tail.add(handler);
        tail.add(exit.get());
        tail.add(new InsnNode(Opcodes.ATHROW));
        in.add(tail);
        // Added last, so that every handler of the method itself is tried first.
        r.m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    }

    /**
     * The instruction of a constructor that calls the superclass's (or another own) constructor:
     * the first {@code invokespecial <init>} not matched by an earlier {@code new}.
     */
    static AbstractInsnNode superCall(InsnList in) {
        int pending = 0;
        for (AbstractInsnNode n : in) {
            if (n instanceof TypeInsnNode t && t.getOpcode() == Opcodes.NEW) {
                pending++;
            } else if (n instanceof MethodInsnNode mi && mi.getOpcode() == Opcodes.INVOKESPECIAL && mi.name.equals("<init>")) {
                if (pending == 0) {
                    return n;
                }
                pending--;
            }
        }
        return null;
    }
}
