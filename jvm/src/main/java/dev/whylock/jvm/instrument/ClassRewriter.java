package dev.whylock.jvm.instrument;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Rewrites one class: its superclass when it extends a substituted synchronizer, every method body, and its identity. */
final class ClassRewriter {
    final ClassNode cn;
    final Instrumenter ins;
    final List<String> notes;
    /** Bridge methods for method references to redirected JDK methods, added after the pass. */
    final List<MethodNode> bridges = new ArrayList<>();
    /** The method each bridge was made for: its sites carry that method's name. */
    final java.util.Map<String, String> bridgeOrigins = new java.util.HashMap<>();
    /** The superclass before substitution: super() calls name it. */
    final String originalSuper;
    final boolean injectIdentity;

    ClassRewriter(ClassNode cn, Instrumenter ins, List<String> notes) {
        this.cn = cn;
        this.ins = ins;
        this.notes = notes;
        this.originalSuper = cn.superName;
        this.injectIdentity = IdentityInjector.applies(cn, ins);
    }

    void rewrite() {
        String sub = cn.superName == null ? null : Substitutions.of(cn.superName);
        if (sub != null) {
            cn.superName = sub;
        } else if (cn.superName != null && cn.superName.startsWith("java/") && Redirects.isCollectionType(cn.superName, ins.hierarchy())) {
            // Calls typed with this class, and its super calls, run the JDK's code unobserved (Redirects sees only
            // JDK-typed calls): each instance made in an execution is noted as not controlled.
            String what = "the JDK code " + JavaNames.qualified(cn.superName) + " that " + JavaNames.qualified(cn.name)
                    + " inherits (calls typed with " + JavaNames.simple(cn.name) + " run it unobserved)";
            for (MethodNode m : cn.methods) {
                if (m.name.equals("<init>") && m.instructions.size() > 0) {
                    org.objectweb.asm.tree.InsnList l = new org.objectweb.asm.tree.InsnList();
                    l.add(new org.objectweb.asm.tree.LdcInsnNode(what));
                    l.add(Emit.push(Sites.id(cn.name, "<init>", 0)));
                    l.add(Emit.rt("uncontrolled", "(Ljava/lang/String;I)V"));
                    m.instructions.insert(l);
                }
            }
        }
        for (MethodNode m : List.copyOf(cn.methods)) {
            if ((m.access & Opcodes.ACC_NATIVE) != 0) {
                notes.add("native method " + JavaNames.qualified(cn.name) + "." + m.name + " (native code runs unobserved)");
            }
            if (m.instructions.size() > 0) {
                new MethodRewriter(this, m).rewrite();
            }
        }
        for (MethodNode b : bridges) {
            new MethodRewriter(this, b).rewrite();
            cn.methods.add(b);
        }
        if (injectIdentity) {
            IdentityInjector.inject(cn);
        }
    }

    boolean isInterface() {
        return (cn.access & Opcodes.ACC_INTERFACE) != 0;
    }
}
