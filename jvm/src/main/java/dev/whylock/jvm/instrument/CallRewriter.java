package dev.whylock.jvm.instrument;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites calls and object creation: substituted synchronizers, deterministic thread names and
 * random seeds, {@link Redirects}, notes on calls whose effects whylock cannot control, and bridge
 * methods for method references to any of these.
 */
final class CallRewriter {

    /** Calls that leave the process or touch its files: their effects are not explored, so the result says so. */
    private static final Set<String> IO_PREFIXES = Set.of("java/io/File", "java/io/RandomAccessFile", "java/nio/file/",
            "java/nio/channels/", "java/net/", "java/lang/ProcessBuilder", "java/lang/Runtime");

    /** JDK-wide state that a fresh class loader per execution cannot reset. */
    private static final Set<String> GLOBAL_STATE = Set.of("java/lang/System.setProperty", "java/lang/System.clearProperty",
            "java/lang/System.setOut", "java/lang/System.setErr", "java/lang/System.setIn", "java/util/Locale.setDefault",
            "java/util/TimeZone.setDefault", "java/lang/Thread.setDefaultUncaughtExceptionHandler");

    private final MethodRewriter r;
    private final Map<String, Integer> pendingNew = new HashMap<>();

    CallRewriter(MethodRewriter r) {
        this.r = r;
    }

    void newInstance(TypeInsnNode t) {
        if (t.getOpcode() != Opcodes.NEW) {
            return;
        }
        String sub = Substitutions.of(t.desc);
        if (sub != null) {
            pendingNew.merge(t.desc, 1, Integer::sum);
            t.desc = sub;
        }
    }

    void call(MethodInsnNode mi, boolean superCall) {
        InsnList in = r.in;
        if (mi.name.equals("<init>")) {
            constructor(mi, superCall);
            return;
        }
        String key = mi.owner + "." + mi.name;
        if (GLOBAL_STATE.contains(key)) {
            note(mi, "globalState", JavaNames.qualified(mi.owner) + "." + mi.name);
        } else if (IO_PREFIXES.stream().anyMatch(mi.owner::startsWith)) {
            note(mi, "uncontrolled", "I/O (" + JavaNames.qualified(mi.owner) + "." + mi.name + ")");
        }
        Redirects.Redirect rd = Redirects.match(mi.getOpcode(), mi.owner, mi.name, mi.desc, r.cls.ins.hierarchy());
        if (rd == null) {
            return;
        }
        switch (rd.kind()) {
            case REPLACE -> {
                in.insertBefore(mi, Emit.push(r.site()));
                in.set(mi, Emit.call(rd.targetClass(), rd.targetMethod(), rd.targetDesc()));
            }
            case ATOMIC -> boxed(mi, Emit.RT, "call");
            case COLLECTION -> boxed(mi, Emit.RT, "collection");
            case ARRAYS -> boxed(mi, Emit.RT, "arrays");
            case HANDLE -> boxed(mi, HANDLES, "invoke");
            case UPDATER -> boxed(mi, HANDLES, "updater");
            case UPDATER_NEW -> newUpdater(mi);
            case REFUSE -> note(mi, "refuse", JavaNames.qualified(mi.owner) + "." + mi.name);
        }
    }

    private void note(MethodInsnNode mi, String hook, String what) {
        InsnList l = new InsnList();
        l.add(new LdcInsnNode(what));
        l.add(Emit.push(r.site()));
        l.add(Emit.rt(hook, "(Ljava/lang/String;I)V"));
        r.in.insertBefore(mi, l);
    }

    private void constructor(MethodInsnNode mi, boolean superCall) {
        String sub = Substitutions.of(mi.owner);
        if (sub != null) {
            Integer p = pendingNew.get(mi.owner);
            if (p != null && p > 0) {
                pendingNew.put(mi.owner, p - 1);
                mi.owner = sub;
                return;
            }
            if (superCall && mi.owner.equals(r.cls.originalSuper)) {
                mi.owner = sub;
                return;
            }
        }
        if (mi.owner.equals("java/lang/Thread")) {
            String named = switch (mi.desc) {
                case "()V" -> "(Ljava/lang/String;)V";
                case "(Ljava/lang/Runnable;)V" -> "(Ljava/lang/Runnable;Ljava/lang/String;)V";
                case "(Ljava/lang/ThreadGroup;Ljava/lang/Runnable;)V" -> "(Ljava/lang/ThreadGroup;Ljava/lang/Runnable;Ljava/lang/String;)V";
                default -> null;
            };
            if (named != null) {
                r.in.insertBefore(mi, Emit.call(Redirects.RT + "RtThreads", "threadName", "()Ljava/lang/String;"));
                mi.desc = named;
            }
        } else if (mi.owner.equals("java/util/Random") && mi.desc.equals("()V")) {
            r.in.insertBefore(mi, Emit.call(Redirects.RT + "RtSystem", "randomSeed", "()J"));
            mi.desc = "(J)V";
        } else if (mi.owner.startsWith("java/util/concurrent/") && Redirects.REFUSED_OWNERS.contains(mi.owner)) {
            note(mi, "uncontrolled", JavaNames.qualified(mi.owner) + " (not modelled: created, but its blocking calls stop the execution)");
        }
    }

    private static final String HANDLES = Redirects.RT + "RtVarHandles";

    /**
     * {@code recv.m(args)} becomes {@code owner.method(recv, new Object[] {args}, callId)}, unboxed to
     * m's return type: an atomic call ({@code Rt.call}), a collection or array call ({@code
     * Rt.collection}, {@code Rt.arrays}: null for a static call's receiver), or a VarHandle's or field
     * updater's, whose descriptor may be any (VarHandle's methods are signature-polymorphic).
     */
    private void boxed(MethodInsnNode mi, String owner, String method) {
        Type[] args = Type.getArgumentTypes(mi.desc);
        InsnList l = new InsnList();
        int[] slots = store(args, l);
        if (mi.getOpcode() == Opcodes.INVOKESTATIC) {
            l.add(new InsnNode(Opcodes.ACONST_NULL)); // no receiver
        }
        l.add(Emit.push(args.length));
        l.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/Object"));
        for (int i = 0; i < args.length; i++) {
            l.add(new InsnNode(Opcodes.DUP));
            l.add(Emit.push(i));
            l.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
            Emit.box(l, args[i]);
            l.add(new InsnNode(Opcodes.AASTORE));
        }
        int id = Calls.id(mi.owner, mi.name, mi.desc, mi.itf, r.site());
        l.add(Emit.push(id));
        l.add(Emit.call(owner, method, "(Ljava/lang/Object;[Ljava/lang/Object;I)Ljava/lang/Object;"));
        Emit.unbox(l, Type.getReturnType(mi.desc));
        r.in.insertBefore(mi, l);
        r.in.remove(mi);
    }

    /** Appends to {@code l} the stores of a call's arguments (on the stack) into temporaries; returns their slots. */
    private int[] store(Type[] args, InsnList l) {
        int[] slots = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            slots[i] = r.temp(args[i]);
        }
        for (int i = args.length - 1; i >= 0; i--) {
            l.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));
        }
        return slots;
    }

    /**
     * {@code AtomicXFieldUpdater.newUpdater(args)} stays where it is (the JDK checks that its caller
     * may access the field); then the new updater and its arguments are recorded
     * ({@code RtVarHandles.updaterCreated(updater, args, site)}), so its calls find the field.
     */
    private void newUpdater(MethodInsnNode mi) {
        Type[] args = Type.getArgumentTypes(mi.desc);
        InsnList before = new InsnList();
        int[] slots = store(args, before);
        for (int i = 0; i < args.length; i++) {
            before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
        }
        r.in.insertBefore(mi, before);
        InsnList after = new InsnList();
        after.add(new InsnNode(Opcodes.DUP));
        StringBuilder desc = new StringBuilder("(Ljava/lang/Object;");
        for (int i = 0; i < args.length; i++) {
            after.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
            desc.append(args[i].getDescriptor());
        }
        after.add(Emit.push(r.site()));
        after.add(Emit.call(HANDLES, "updaterCreated", desc.append("I)V").toString()));
        r.in.insert(mi, after);
    }

    /** A lambda or method reference whose target the rewriter would change points at a bridge method that does. */
    void dynamic(InvokeDynamicInsnNode d) {
        if (!d.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") || d.bsmArgs.length < 3
                || !(d.bsmArgs[1] instanceof Handle impl)) {
            return;
        }
        int opcode = switch (impl.getTag()) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            case Opcodes.H_NEWINVOKESPECIAL -> Opcodes.INVOKESPECIAL;
            default -> -1;
        };
        if (opcode < 0 || r.cls.ins.rewrites(impl.getOwner())) {
            return;
        }
        boolean ctor = impl.getTag() == Opcodes.H_NEWINVOKESPECIAL;
        boolean changes = ctor ? Substitutions.of(impl.getOwner()) != null || impl.getOwner().equals("java/lang/Thread")
                : Redirects.match(opcode, impl.getOwner(), impl.getName(), impl.getDesc(), r.cls.ins.hierarchy()) != null;
        if (!changes) {
            return;
        }
        Type desc = Type.getMethodType(impl.getDesc());
        Type[] params = desc.getArgumentTypes();
        Type ret = desc.getReturnType();
        if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
            Type[] all = new Type[params.length + 1];
            all[0] = Type.getObjectType(impl.getOwner());
            System.arraycopy(params, 0, all, 1, params.length);
            params = all;
        } else if (ctor) {
            ret = Type.getObjectType(impl.getOwner());
        }
        String bridgeDesc = Type.getMethodDescriptor(ret, params);
        String name = "$whylock$bridge$" + r.cls.bridges.size();
        r.cls.bridgeOrigins.put(name, r.siteMethod());
        boolean privateOk = !r.cls.isInterface() || r.cls.cn.version >= Opcodes.V9;
        MethodNode b = new MethodNode((privateOk ? Opcodes.ACC_PRIVATE : Opcodes.ACC_PUBLIC) | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                name, bridgeDesc, null, null);
        InsnList c = b.instructions;
        org.objectweb.asm.tree.LabelNode start = new org.objectweb.asm.tree.LabelNode();
        c.add(start);
        c.add(new org.objectweb.asm.tree.LineNumberNode(Math.max(r.line, 1), start));
        if (ctor) {
            c.add(new TypeInsnNode(Opcodes.NEW, impl.getOwner()));
            c.add(new InsnNode(Opcodes.DUP));
        }
        int slot = 0;
        for (Type p : params) {
            c.add(new VarInsnNode(p.getOpcode(Opcodes.ILOAD), slot));
            slot += p.getSize();
        }
        c.add(new MethodInsnNode(opcode, impl.getOwner(), ctor ? "<init>" : impl.getName(), impl.getDesc(), impl.isInterface()));
        c.add(new InsnNode(ret.getOpcode(Opcodes.IRETURN)));
        b.maxLocals = slot;
        b.maxStack = slot + 4;
        r.cls.bridges.add(b);
        d.bsmArgs[1] = new Handle(Opcodes.H_INVOKESTATIC, r.cls.cn.name, name, bridgeDesc, r.cls.isInterface());
    }
}
