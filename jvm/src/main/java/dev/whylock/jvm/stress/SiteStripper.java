package dev.whylock.jvm.stress;

import dev.whylock.jvm.instrument.JavaNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Removes lock acquisitions at given sites ({@code Class.method:LINE}, as whylock names them) from
 * a class file, leaving everything else as compiled: a {@code synchronized} block's
 * {@code monitorenter} and the {@code monitorexit}s of the same block (javac keeps the monitor in
 * one local), a synchronized method's flag when the site is its first line, and a {@code lock()}
 * call on a {@code java.util.concurrent.locks.Lock} (its unlock is then skipped by
 * {@link StressHooks}). Wait and notify need the monitor on real threads, so a removal in a method
 * that waits, notifies, awaits or signals is reported as not applicable.
 */
final class SiteStripper {

    private static final Set<String> LOCK_OWNERS = Set.of("java/util/concurrent/locks/Lock", "java/util/concurrent/locks/ReentrantLock",
            "java/util/concurrent/locks/ReentrantReadWriteLock$ReadLock", "java/util/concurrent/locks/ReentrantReadWriteLock$WriteLock");
    private static final String HOOKS = Type.getInternalName(StressHooks.class);

    /** The rewritten class (or the original bytes when nothing changed), the sites removed in it, and why a removal cannot run. */
    record Result(byte[] bytes, Set<String> removed, List<String> notApplicable) {}

    private SiteStripper() {}

    static Result strip(byte[] original, Set<String> sites) {
        ClassNode c = new ClassNode();
        new ClassReader(original).accept(c, 0);
        String prefix = JavaNames.simple(c.name) + ".";
        if (sites.stream().noneMatch(s -> s.startsWith(prefix))) {
            return new Result(original, Set.of(), List.of());
        }
        Set<String> removed = new HashSet<>();
        List<String> notApplicable = new ArrayList<>();
        boolean changed = false;
        for (MethodNode m : c.methods) {
            changed |= method(c, m, prefix + m.name + ":", sites, removed, notApplicable);
        }
        if (!changed) {
            return new Result(original, Set.of(), notApplicable);
        }
        ClassWriter w = new ClassWriter(0);
        c.accept(w);
        return new Result(w.toByteArray(), removed, notApplicable);
    }

    private static boolean method(ClassNode c, MethodNode m, String sitePrefix, Set<String> sites, Set<String> removed, List<String> notApplicable) {
        int line = -1;
        int first = -1;
        boolean changed = false;
        boolean redirect = false;
        Set<Integer> strippedLocals = new HashSet<>();
        List<AbstractInsnNode> enters = new ArrayList<>();
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof LineNumberNode ln) {
                line = ln.line;
                first = first < 0 ? line : first;
            } else if (n.getOpcode() == Opcodes.MONITORENTER && sites.contains(sitePrefix + line)) {
                enters.add(n);
                removed.add(sitePrefix + line);
            } else if (n instanceof MethodInsnNode mi && LOCK_OWNERS.contains(mi.owner)) {
                redirect = true;
            }
        }
        boolean syncMethod = (m.access & Opcodes.ACC_SYNCHRONIZED) != 0 && first >= 0 && sites.contains(sitePrefix + first);
        boolean lockCall = false;
        line = -1;
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof LineNumberNode ln) {
                line = ln.line;
            } else if (n instanceof MethodInsnNode mi && LOCK_OWNERS.contains(mi.owner) && mi.name.equals("lock") && mi.desc.equals("()V")
                    && sites.contains(sitePrefix + line)) {
                lockCall = true;
            }
        }
        if ((syncMethod || !enters.isEmpty() || lockCall) && waitsOrSignals(m)) {
            notApplicable.add(sitePrefix.substring(0, sitePrefix.length() - 1) + " waits or notifies on the lock it takes; on real threads "
                    + "that needs the lock (IllegalMonitorStateException), so stress cannot run it without the lock");
            return false;
        }
        if (syncMethod) {
            m.access &= ~Opcodes.ACC_SYNCHRONIZED;
            removed.add(sitePrefix + first);
            changed = true;
        }
        for (AbstractInsnNode enter : enters) {
            AbstractInsnNode store = enter.getPrevious();
            while (store != null && store.getOpcode() < 0) {
                store = store.getPrevious();
            }
            // javac: <lock>; dup; astore N; monitorenter ... aload N; monitorexit
            if (store instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE) {
                strippedLocals.add(v.var);
            }
            m.instructions.set(enter, new InsnNode(Opcodes.POP));
            changed = true;
        }
        if (!strippedLocals.isEmpty()) {
            for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
                if (n.getOpcode() == Opcodes.MONITOREXIT) {
                    AbstractInsnNode load = n.getPrevious();
                    while (load != null && load.getOpcode() < 0) {
                        load = load.getPrevious();
                    }
                    if (load instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && strippedLocals.contains(v.var)) {
                        InsnNode pop = new InsnNode(Opcodes.POP);
                        m.instructions.set(n, pop);
                        n = pop;
                    }
                }
            }
        }
        if (redirect) {
            line = -1;
            for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
                if (n instanceof LineNumberNode ln) {
                    line = ln.line;
                } else if (n instanceof MethodInsnNode mi && LOCK_OWNERS.contains(mi.owner)) {
                    String hook = switch (mi.name + mi.desc) {
                        case "lock()V" -> sites.contains(sitePrefix + line) ? "removedLock" : "lock";
                        case "unlock()V" -> "unlock";
                        case "lockInterruptibly()V" -> "lockInterruptibly";
                        case "tryLock()Z", "tryLock(JLjava/util/concurrent/TimeUnit;)Z" -> "tryLock";
                        default -> null;
                    };
                    if (hook != null) {
                        if (hook.equals("removedLock")) {
                            removed.add(sitePrefix + line);
                        }
                        String desc = "(Ljava/util/concurrent/locks/Lock;" + mi.desc.substring(1);
                        MethodInsnNode call = new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, hook, desc, false);
                        m.instructions.set(mi, call);
                        n = call;
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }

    private static boolean waitsOrSignals(MethodNode m) {
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof MethodInsnNode mi && (mi.owner.equals("java/lang/Object") && Set.of("wait", "notify", "notifyAll").contains(mi.name)
                    || mi.name.startsWith("await") || mi.name.equals("signal") || mi.name.equals("signalAll"))) {
                return true;
            }
        }
        return false;
    }
}
