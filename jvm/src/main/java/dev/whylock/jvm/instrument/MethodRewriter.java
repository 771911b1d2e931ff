package dev.whylock.jvm.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites one method body: field and array accesses get a runtime hook before them (the hook is
 * the visible operation; the access itself then runs unchanged), monitors become runtime calls,
 * calls are handed to {@link CallRewriter}, and synchronized methods and static initialisers are
 * wrapped ({@link Wrapping}).
 */
final class MethodRewriter {

    /* Hooks run before the instruction they guard, with copies of its operands: the task yields in
     * the hook, the scheduler performs the operation on the field's shadow, and when the task runs
     * again the real access happens before any other task can run. Values of two slots (long,
     * double) go through temporary locals above the method's own. */

    final ClassRewriter cls;
    final MethodNode m;
    final InsnList in;
    final CallRewriter calls;
    private final int tempBase;
    private int nextTemp;
    int line;

    MethodRewriter(ClassRewriter cls, MethodNode m) {
        this.cls = cls;
        this.m = m;
        this.in = m.instructions;
        this.tempBase = m.maxLocals;
        this.calls = new CallRewriter(this);
    }

    int site() {
        return Sites.id(cls.cn.name, siteMethod(), line);
    }

    /** The method name sites carry: a bridge's is that of the method with the method reference. */
    String siteMethod() {
        return cls.bridgeOrigins.getOrDefault(m.name, m.name);
    }

    /** A temporary local for a value of {@code t}, valid until the next instruction is rewritten. */
    int temp(Type t) {
        int slot = nextTemp;
        nextTemp += t.getSize();
        m.maxLocals = Math.max(m.maxLocals, nextTemp);
        return slot;
    }

    void rewrite() {
        boolean ctor = m.name.equals("<init>");
        AbstractInsnNode superCall = ctor ? Wrapping.superCall(in) : null;
        boolean beforeSuper = ctor && superCall != null;
        int firstLine = firstLine();
        int lockSlot = tempBase;
        nextTemp = tempBase + 1;
        int base = nextTemp;
        for (AbstractInsnNode n : in.toArray()) {
            nextTemp = base;
            if (n == superCall) {
                beforeSuper = false;
                calls.call((MethodInsnNode) n, true);
                if (cls.injectIdentity && ((MethodInsnNode) n).owner.equals(cls.originalSuper)) {
                    IdentityInjector.afterSuper(cls.cn, in, n);
                }
                continue;
            }
            switch (n) {
                case LineNumberNode l -> line = l.line;
                case FieldInsnNode f -> field(f, beforeSuper);
                case MethodInsnNode mi -> calls.call(mi, false);
                case org.objectweb.asm.tree.TypeInsnNode t -> {
                    if (t.getOpcode() == Opcodes.NEW) {
                        initialise(t, t.desc, t.desc);
                    }
                    calls.newInstance(t);
                }
                case org.objectweb.asm.tree.InvokeDynamicInsnNode d -> calls.dynamic(d);
                case InsnNode i -> simple(i);
                default -> {
                    // Loads, stores, jumps and constants are private to the task.
                }
            }
        }
        if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            m.access &= ~Opcodes.ACC_SYNCHRONIZED;
            line = firstLine;
            Wrapping.synchronizedMethod(this, lockSlot, site());
        }
        if (m.name.equals("<clinit>")) {
            Wrapping.staticInitializer(this);
        }
    }

    private int firstLine() {
        for (AbstractInsnNode n : in) {
            if (n instanceof LineNumberNode l) {
                return l.line;
            }
        }
        return 0;
    }

    private void field(FieldInsnNode f, boolean beforeSuper) {
        if (f.getOpcode() == Opcodes.GETSTATIC && f.owner.equals("java/lang/System") && (f.name.equals("out") || f.name.equals("err"))) {
            in.set(f, Emit.call(Redirects.RT + "RtSystem", f.name, "()Ljava/io/PrintStream;"));
            return;
        }
        Hierarchy.FieldRef r = cls.ins.hierarchy().resolveField(f.owner, f.name);
        if (r == null || !cls.ins.rewrites(r.owner())) {
            return;
        }
        boolean isStatic = r.isStatic();
        if (isStatic) {
            initialise(f, r.owner(), f.owner);
        }
        boolean isFinal = (r.access() & Opcodes.ACC_FINAL) != 0;
        int fid = Fields.id(r.owner(), r.name(), r.desc(), isStatic, (r.access() & Opcodes.ACC_VOLATILE) != 0, isFinal);
        Type t = Type.getType(r.desc());
        boolean put = f.getOpcode() == Opcodes.PUTFIELD || f.getOpcode() == Opcodes.PUTSTATIC;
        InsnList hook = new InsnList();
        if (isFinal) {
            // Not an operation (it never changes after construction), but it names a lock object it holds.
            if (put && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
                hook.add(new InsnNode(Opcodes.DUP));
                hook.add(Emit.push(fid));
                hook.add(Emit.rt("home", "(Ljava/lang/Object;I)V"));
                in.insertBefore(f, hook);
            }
            return;
        }
        String ht = Emit.hookType(t);
        switch (f.getOpcode()) {
            case Opcodes.GETFIELD -> {
                hook.add(new InsnNode(Opcodes.DUP));
                hook.add(Emit.push(fid));
                hook.add(Emit.push(site()));
                hook.add(Emit.rt("getField", "(Ljava/lang/Object;II)V"));
            }
            case Opcodes.GETSTATIC -> {
                hook.add(Emit.push(fid));
                hook.add(Emit.push(site()));
                hook.add(Emit.rt("getStatic", "(II)V"));
            }
            case Opcodes.PUTSTATIC -> {
                hook.add(new InsnNode(t.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP));
                hook.add(Emit.push(fid));
                hook.add(Emit.push(site()));
                hook.add(Emit.rt("putStatic", "(" + ht + "II)V"));
            }
            default -> {
                if (beforeSuper) {
                    return; // the object is not initialised yet: nobody else can see it
                }
                int tmp = temp(t);
                hook.add(new VarInsnNode(t.getOpcode(Opcodes.ISTORE), tmp));
                hook.add(new InsnNode(Opcodes.DUP));
                hook.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), tmp));
                hook.add(Emit.push(fid));
                hook.add(Emit.push(site()));
                hook.add(Emit.rt("putField", "(Ljava/lang/Object;" + ht + "II)V"));
                hook.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), tmp));
            }
        }
        in.insertBefore(f, hook);
    }

    /** Before {@code n}: the class's static state is this execution's ({@link StaticReset}). */
    private void initialise(AbstractInsnNode n, String owner, String symbolic) {
        MethodInsnNode init = StaticReset.trigger(cls.ins, owner, symbolic, cls.cn.name);
        if (init != null) {
            in.insertBefore(n, init);
        }
    }

    private void simple(InsnNode i) {
        int op = i.getOpcode();
        switch (op) {
            case Opcodes.MONITORENTER, Opcodes.MONITOREXIT -> {
                InsnList l = new InsnList();
                l.add(Emit.push(site()));
                l.add(Emit.rt(op == Opcodes.MONITORENTER ? "monitorEnter" : "monitorExit", "(Ljava/lang/Object;I)V"));
                in.insertBefore(i, l);
                in.remove(i);
            }
            case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                    Opcodes.CALOAD, Opcodes.SALOAD -> {
                InsnList l = new InsnList();
                l.add(new InsnNode(Opcodes.DUP2));
                l.add(Emit.push(site()));
                l.add(Emit.rt("arrayLoad", "(Ljava/lang/Object;II)V"));
                in.insertBefore(i, l);
            }
            case Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE, Opcodes.BASTORE,
                    Opcodes.CASTORE, Opcodes.SASTORE -> {
                Type t = switch (op) {
                    case Opcodes.LASTORE -> Type.LONG_TYPE;
                    case Opcodes.FASTORE -> Type.FLOAT_TYPE;
                    case Opcodes.DASTORE -> Type.DOUBLE_TYPE;
                    case Opcodes.AASTORE -> Type.getObjectType("java/lang/Object");
                    default -> Type.INT_TYPE;
                };
                int tmp = temp(t);
                InsnList l = new InsnList();
                l.add(new VarInsnNode(t.getOpcode(Opcodes.ISTORE), tmp));
                l.add(new InsnNode(Opcodes.DUP2));
                l.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), tmp));
                l.add(Emit.push(site()));
                l.add(Emit.rt("arrayStore", "(Ljava/lang/Object;I" + Emit.hookType(t) + "I)V"));
                l.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), tmp));
                in.insertBefore(i, l);
            }
            default -> {
                // Arithmetic and stack shuffling.
            }
        }
    }
}
