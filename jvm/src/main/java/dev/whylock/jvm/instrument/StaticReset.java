package dev.whylock.jvm.instrument;

import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Static state that starts over in every execution without defining the class again: a class's
 * static initialiser becomes an ordinary method that its generated {@code whylock$init} runs once
 * per execution (after resetting every static field to its default), at the points where the JVM
 * would initialise the class — {@code new}, a static field access (both at the caller), a static
 * method or constructor being entered (at the callee, so calls from the JDK count too).
 *
 * <p>A class whose static state cannot be re-created this way keeps its own static initialiser and
 * <em>keeps state</em>: the loader that defined it must not be used for another execution. These
 * are interfaces with a static initialiser (their fields must stay final), and enums whose
 * constants hold state or whose initialisation reads other application classes (the JDK caches an
 * enum's constants, so they are never re-created; immutable ones need not be).
 */
public final class StaticReset {
    private StaticReset() {}

    /** How a class's static state starts over between executions. */
    public enum Kind {
        /** Its static initialiser is re-run (after resetting the statics) once per execution. */
        REINIT,
        /** It has no state to reset: no static fields besides constants, or an enum of immutable constants. */
        PERMANENT,
        /** Only a fresh class loader resets it. */
        KEEPS_STATE
    }

    static final String INIT = "whylock$init";
    static final String EPOCH = "whylock$epoch";
    private static final String CLINIT = "whylock$clinit";
    private static final String RESET = "whylock$reset";
    private static final Set<String> GENERATED = Set.of(INIT, CLINIT, RESET);

    static Kind kind(ClassNode cn, Instrumenter ins) {
        boolean isInterface = (cn.access & Opcodes.ACC_INTERFACE) != 0;
        MethodNode clinit = method(cn, "<clinit>");
        if (isInterface) {
            return clinit == null ? Kind.PERMANENT : Kind.KEEPS_STATE;
        }
        if ((cn.access & Opcodes.ACC_ENUM) != 0 || "java/lang/Enum".equals(cn.superName)) {
            return immutableEnum(cn, ins) ? Kind.PERMANENT : Kind.KEEPS_STATE;
        }
        return Kind.REINIT;
    }

    /**
     * An enum whose instance fields are final and of immutable types, whose static fields are its
     * constants, its values array and compile-time constants, and whose initialisation touches no
     * other application class: its constants can serve every execution.
     */
    private static boolean immutableEnum(ClassNode cn, Instrumenter ins) {
        for (FieldNode f : cn.fields) {
            boolean isStatic = (f.access & Opcodes.ACC_STATIC) != 0;
            if (isStatic) {
                boolean constant = (f.access & Opcodes.ACC_ENUM) != 0 || f.value != null
                        || (f.access & Opcodes.ACC_SYNTHETIC) != 0 && f.name.equals("$VALUES");
                if (!constant) {
                    return false;
                }
            } else if ((f.access & Opcodes.ACC_FINAL) == 0 || !immutableType(f.desc, ins)) {
                return false;
            }
        }
        for (MethodNode m : cn.methods) {
            if (m.name.equals("<clinit>") || m.name.equals("<init>")) {
                for (AbstractInsnNode n : m.instructions) {
                    String owner = switch (n) {
                        case FieldInsnNode f -> f.owner;
                        case MethodInsnNode mi -> mi.owner;
                        case TypeInsnNode t -> t.desc;
                        default -> null;
                    };
                    if (owner != null && ins.rewrites(owner) && !owner.equals(cn.name) && !owner.startsWith(cn.name + "$")) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static final Set<String> IMMUTABLE = Set.of("Ljava/lang/String;", "Ljava/lang/Integer;", "Ljava/lang/Long;",
            "Ljava/lang/Short;", "Ljava/lang/Byte;", "Ljava/lang/Character;", "Ljava/lang/Boolean;", "Ljava/lang/Double;",
            "Ljava/lang/Float;", "Ljava/lang/Class;");

    private static boolean immutableType(String desc, Instrumenter ins) {
        if (desc.length() == 1 || IMMUTABLE.contains(desc)) {
            return true;
        }
        if (desc.startsWith("L")) {
            Hierarchy.ClassInfo i = ins.hierarchy().info(desc.substring(1, desc.length() - 1));
            return i != null && (i.access() & Opcodes.ACC_ENUM) != 0; // another enum constant
        }
        return false;
    }

    /**
     * Rewrites {@code cn} (already instrumented) for its kind: every class that is not an interface
     * gets {@code whylock$init}; a REINIT class's static initialiser becomes {@code whylock$clinit},
     * its non-constant static fields lose {@code final}, and its static methods and constructors
     * run {@code whylock$init} first.
     */
    static void apply(ClassNode cn, Kind kind, Instrumenter ins) {
        if ((cn.access & Opcodes.ACC_INTERFACE) != 0) {
            return;
        }
        MethodNode init = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, INIT, "()V", null, null);
        cn.methods.add(init);
        if (kind != Kind.REINIT) {
            init.instructions.add(new InsnNode(Opcodes.RETURN));
            return;
        }
        MethodNode clinit = method(cn, "<clinit>");
        if (clinit != null) {
            clinit.name = CLINIT;
            clinit.access = Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
        }
        for (MethodNode m : cn.methods) {
            boolean entry = m.name.equals("<init>") || (m.access & Opcodes.ACC_STATIC) != 0 && !GENERATED.contains(m.name);
            if (entry && m.instructions.size() > 0) {
                m.instructions.insert(new MethodInsnNode(Opcodes.INVOKESTATIC, cn.name, INIT, "()V", false));
            }
        }
        cn.fields.add(new FieldNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, EPOCH, "I", null, null));
        cn.methods.add(reset(cn));
        String superInit = cn.superName != null && ins.rewrites(cn.superName) ? cn.superName : null;
        body(cn, init.instructions, init, superInit, clinit != null);
    }

    /** Sets every static field that is not a compile-time constant to its default value. */
    private static MethodNode reset(ClassNode cn) {
        MethodNode m = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, RESET, "()V", null, null);
        for (FieldNode f : cn.fields) {
            if ((f.access & Opcodes.ACC_STATIC) == 0 || f.value != null || f.name.equals(EPOCH)) {
                continue;
            }
            f.access &= ~Opcodes.ACC_FINAL;
            Type t = Type.getType(f.desc);
            m.instructions.add(switch (t.getSort()) {
                case Type.LONG -> new InsnNode(Opcodes.LCONST_0);
                case Type.FLOAT -> new InsnNode(Opcodes.FCONST_0);
                case Type.DOUBLE -> new InsnNode(Opcodes.DCONST_0);
                case Type.OBJECT, Type.ARRAY -> new InsnNode(Opcodes.ACONST_NULL);
                default -> new InsnNode(Opcodes.ICONST_0);
            });
            m.instructions.add(new FieldInsnNode(Opcodes.PUTSTATIC, cn.name, f.name, f.desc));
        }
        m.instructions.add(new InsnNode(Opcodes.RETURN));
        return m;
    }

    /*
     * whylock$init():
     *   int e = Rt.epoch; int s = whylock$epoch;
     *   if (s == e) return;                       // initialised (or being initialised) in this execution
     *   if (s == -e) throw Rt.noClassDef(C.class); // its initialisation failed in this execution
     *   whylock$epoch = e;
     *   try { S.whylock$init(); whylock$reset(); whylock$clinit(); }
     *   catch (Throwable t) { whylock$epoch = -e; throw Rt.initFailed(t); }
     */
    private static void body(ClassNode cn, InsnList in, MethodNode m, String superInit, boolean hasClinit) {
        String rt = Emit.RT;
        Type self = Type.getObjectType(cn.name);
        LabelNode notDone = new LabelNode();
        LabelNode notFailed = new LabelNode();
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        in.add(new FieldInsnNode(Opcodes.GETSTATIC, rt, "epoch", "I"));
        in.add(new VarInsnNode(Opcodes.ISTORE, 0));
        in.add(new FieldInsnNode(Opcodes.GETSTATIC, cn.name, EPOCH, "I"));
        in.add(new VarInsnNode(Opcodes.ISTORE, 1));
        in.add(new VarInsnNode(Opcodes.ILOAD, 1));
        in.add(new VarInsnNode(Opcodes.ILOAD, 0));
        in.add(new JumpInsnNode(Opcodes.IF_ICMPNE, notDone));
        in.add(new InsnNode(Opcodes.RETURN));
        in.add(notDone);
        in.add(new VarInsnNode(Opcodes.ILOAD, 1));
        in.add(new VarInsnNode(Opcodes.ILOAD, 0));
        in.add(new InsnNode(Opcodes.INEG));
        in.add(new JumpInsnNode(Opcodes.IF_ICMPNE, notFailed));
        in.add(new LdcInsnNode(self));
        in.add(Emit.rt("noClassDef", "(Ljava/lang/Class;)Ljava/lang/Error;"));
        in.add(new InsnNode(Opcodes.ATHROW));
        in.add(notFailed);
        in.add(new VarInsnNode(Opcodes.ILOAD, 0));
        in.add(new FieldInsnNode(Opcodes.PUTSTATIC, cn.name, EPOCH, "I"));
        in.add(start);
        if (superInit != null) {
            in.add(new MethodInsnNode(Opcodes.INVOKESTATIC, superInit, INIT, "()V", false));
        }
        in.add(new MethodInsnNode(Opcodes.INVOKESTATIC, cn.name, RESET, "()V", false));
        if (hasClinit) {
            in.add(new MethodInsnNode(Opcodes.INVOKESTATIC, cn.name, CLINIT, "()V", false));
        }
        in.add(end);
        in.add(new InsnNode(Opcodes.RETURN));
        in.add(handler);
        in.add(new VarInsnNode(Opcodes.ILOAD, 0));
        in.add(new InsnNode(Opcodes.INEG));
        in.add(new FieldInsnNode(Opcodes.PUTSTATIC, cn.name, EPOCH, "I"));
        in.add(Emit.rt("initFailed", "(Ljava/lang/Throwable;)Ljava/lang/Throwable;"));
        in.add(new InsnNode(Opcodes.ATHROW));
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, "java/lang/Throwable"));
        m.maxLocals = 2;
        m.maxStack = 2;
    }

    /**
     * The initialisation a static access or a {@code new} of {@code owner} triggers, or null when
     * {@code owner} is not an application class with a {@code whylock$init} (interfaces have none).
     * {@code symbolic} is the class the instruction names: used when the declaring class is not
     * accessible from {@code from} (a public field inherited from a package-private class).
     */
    static MethodInsnNode trigger(Instrumenter ins, String owner, String symbolic, String from) {
        String target = accessible(ins, owner, from) ? owner : symbolic;
        if (!ins.rewrites(target)) {
            return null;
        }
        Hierarchy.ClassInfo i = ins.hierarchy().info(target);
        if (i == null || i.isInterface()) {
            return null;
        }
        return new MethodInsnNode(Opcodes.INVOKESTATIC, target, INIT, "()V", false);
    }

    private static boolean accessible(Instrumenter ins, String owner, String from) {
        Hierarchy.ClassInfo i = ins.hierarchy().info(owner);
        return i != null && ((i.access() & Opcodes.ACC_PUBLIC) != 0 || pkg(owner).equals(pkg(from)));
    }

    private static String pkg(String internal) {
        int slash = internal.lastIndexOf('/');
        return slash < 0 ? "" : internal.substring(0, slash);
    }

    private static MethodNode method(ClassNode cn, String name) {
        List<MethodNode> ms = cn.methods.stream().filter(m -> m.name.equals(name)).toList();
        return ms.isEmpty() ? null : ms.get(0);
    }
}
