package dev.whylock.jvm.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;

/**
 * Rewrites one application class so that it runs under the engine: its field and array accesses,
 * monitors and calls into the JDK's concurrency API become calls of the runtime ({@code Rt} and
 * friends), which turn them into the engine's visible operations.
 */
public final class Instrumenter {

    /** The rewritten class file, and what the class does that whylock cannot control (native methods). */
    public record Result(byte[] bytes, List<String> notes, StaticReset.Kind statics) {}

    private final Hierarchy hierarchy;
    private final Predicate<String> rewritten;

    /**
     * {@code rewritten} says which classes (internal names) are rewritten too: their fields are
     * tracked; every other class is the JDK's or the tool's own.
     */
    public Instrumenter(Hierarchy hierarchy, Predicate<String> rewritten) {
        this.hierarchy = hierarchy;
        this.rewritten = rewritten;
    }

    public Hierarchy hierarchy() {
        return hierarchy;
    }

    public boolean rewrites(String internalName) {
        return rewritten.test(internalName);
    }

    public Result rewrite(byte[] original) {
        ClassReader reader = new ClassReader(original);
        ClassNode cn = new ClassNode();
        reader.accept(cn, ClassReader.SKIP_FRAMES);
        List<String> notes = new ArrayList<>();
        StaticReset.Kind statics = StaticReset.kind(cn, this);
        new ClassRewriter(cn, this, notes).rewrite();
        StaticReset.apply(cn, statics, this);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return hierarchy.commonSuperClass(a, b);
            }
        };
        cn.accept(writer);
        return new Result(writer.toByteArray(), List.copyOf(notes), statics);
    }
}
