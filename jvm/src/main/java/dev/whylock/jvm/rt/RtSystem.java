package dev.whylock.jvm.rt;

import dev.whylock.jvm.instrument.Sites;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entry points for the sources of nondeterminism outside the scheduler: clocks (virtual time),
 * identity hash codes and random seeds (drawn per task, in the task's own order, so they repeat
 * from one execution and one JVM to the next), and the standard streams (discarded while
 * exploring: thousands of executions would print thousands of times).
 */
public final class RtSystem {
    private RtSystem() {}

    /** Virtual wall-clock time starts here: 2026-01-01T00:00:00Z. */
    static final long EPOCH_MILLIS = 1_767_225_600_000L;
    private static final AtomicInteger FALLBACK = new AtomicInteger(1);
    private static final ClassValue<Boolean> IDENTITY_HASH = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            try {
                return c.getMethod("hashCode").getDeclaringClass() == Object.class;
            } catch (NoSuchMethodException e) {
                return true;
            }
        }
    };

    public static long nanoTime(int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = rt == null ? null : rt.ctl();
        if (me == null) {
            return rt != null && rt.onTaskThread() ? 0 : System.nanoTime();
        }
        // Strictly increasing within a task (1 µs per call), so elapsed times are never zero.
        return rt.prims.nowMillis(Sites.display(site)) * 1_000_000 + (++me.ticks) * 1_000;
    }

    public static long currentTimeMillis(int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = rt == null ? null : rt.ctl();
        if (me == null) {
            return rt != null && rt.onTaskThread() ? EPOCH_MILLIS : System.currentTimeMillis();
        }
        return EPOCH_MILLIS + rt.prims.nowMillis(Sites.display(site));
    }

    /** A fresh deterministic identity for an object created now by the running task. */
    public static int newIdentity() {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx cur = rt == null ? null : rt.current();
        if (cur == null) {
            return mix(-1, FALLBACK.getAndIncrement());
        }
        return mix(cur.serial, ++cur.identities);
    }

    /** A 32-bit mix of (task, count) that looks like a hash code and never collides within a task. */
    static int mix(int task, int count) {
        int h = task * 0x9E3779B9 + count;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }

    public static int identityHashCode(Object o, int site) {
        if (o == null) {
            return 0;
        }
        if (o instanceof Identified i) {
            return i.$whylock$identity();
        }
        JvmRuntime rt = JvmRuntime.active();
        if (rt == null || !rt.onTaskThread()) {
            return System.identityHashCode(o);
        }
        return rt.identities.computeIfAbsent(o, k -> newIdentity());
    }

    public static int hashCode(Object o, int site) {
        return IDENTITY_HASH.get(o.getClass()) ? identityHashCode(o, site) : o.hashCode();
    }

    public static double random(int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx cur = rt == null ? null : rt.current();
        if (cur == null) {
            return Math.random();
        }
        if (cur.random == null) {
            cur.random = new java.util.Random(randomSeed());
        }
        return cur.random.nextDouble();
    }

    /** The seed of a {@code new Random()} created now by the running task. */
    public static long randomSeed() {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx cur = rt == null ? null : rt.current();
        if (cur == null) {
            return System.nanoTime();
        }
        return ((long) mix(cur.serial, 0x5eed) << 32) ^ cur.counters.merge("random", 1, Integer::sum);
    }

    public static PrintStream out() {
        JvmRuntime rt = JvmRuntime.active();
        return rt == null || !rt.onTaskThread() ? System.out : Quiet.STREAM;
    }

    public static PrintStream err() {
        JvmRuntime rt = JvmRuntime.active();
        return rt == null || !rt.onTaskThread() ? System.err : Quiet.STREAM;
    }

    /** A stream that discards everything and converts values outside any lock (toString may perform operations). */
    static final class Quiet extends PrintStream {
        static final Quiet STREAM = new Quiet();

        private Quiet() {
            super(OutputStream.nullOutputStream(), false);
        }

        @Override
        public PrintStream format(String format, Object... args) {
            print(String.format(format, args));
            return this;
        }

        @Override
        public PrintStream format(Locale l, String format, Object... args) {
            print(String.format(l, format, args));
            return this;
        }

        @Override
        public PrintStream printf(String format, Object... args) {
            return format(format, args);
        }

        @Override
        public PrintStream printf(Locale l, String format, Object... args) {
            return format(l, format, args);
        }
    }
}
