package dev.whylock.jvm.load;

import dev.whylock.jvm.instrument.Hierarchy;
import dev.whylock.jvm.instrument.Instrumenter;
import dev.whylock.jvm.instrument.StaticReset;
import dev.whylock.jvm.instrument.JavaNames;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The application's classes, rewritten once and kept, for the loaders that define them (one for
 * many executions while every class it defined can re-initialise its statics, else one per
 * execution), without rewriting them again.
 */
public final class ClassCache {

    /**
     * A rewritten class file and what the rewriter noted about the class; {@code keepsState} when
     * only a fresh class loader resets its static state ({@link StaticReset.Kind#KEEPS_STATE}).
     */
    public record Entry(byte[] bytes, List<String> notes, boolean keepsState) {}

    private static final Entry MISSING = new Entry(null, List.of(), false);

    private final Function<String, byte[]> source;
    private final Instrumenter instrumenter;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** {@code source} gives the original class file of a binary class name, or null. */
    public ClassCache(Function<String, byte[]> source) {
        this.source = source;
        Hierarchy h = new Hierarchy(internal -> application(JavaNames.binary(internal)) ? source.apply(JavaNames.binary(internal)) : null);
        this.instrumenter = new Instrumenter(h, internal -> application(JavaNames.binary(internal)) && source.apply(JavaNames.binary(internal)) != null);
    }

    private static boolean application(String binaryName) {
        return !ClassPolicy.jdk(binaryName) && !ClassPolicy.shared(binaryName);
    }

    /** The original class file, or null when the class path has no such class. */
    public byte[] original(String binaryName) {
        return source.apply(binaryName);
    }

    /** The rewritten class, or null when the class path has no such application class. */
    public Entry rewritten(String binaryName) {
        if (!application(binaryName)) {
            return null;
        }
        Entry e = entries.computeIfAbsent(binaryName, n -> {
            byte[] b = source.apply(n);
            if (b == null) {
                return MISSING;
            }
            Instrumenter.Result r = instrumenter.rewrite(b);
            return new Entry(r.bytes(), r.notes(), r.statics() == StaticReset.Kind.KEEPS_STATE);
        });
        return e == MISSING ? null : e;
    }

    public Instrumenter instrumenter() {
        return instrumenter;
    }
}
