package dev.whylock.jvm.rt;

import dev.whylock.jvm.instrument.Sites;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entry points for calls on threads, monitors' wait sets, LockSupport and ThreadLocal. A started
 * {@link Thread} becomes an engine task that runs its {@code run()}; {@code currentThread()} is the
 * running task's Thread object. Outside a controlled task the calls behave as plain Java where that
 * is harmless, and stop the task ({@link NotControlled}) where it could block the scheduler.
 */
public final class RtThreads {
    private RtThreads() {}

    private static final AtomicInteger FALLBACK_NAMES = new AtomicInteger();
    private static final ClassValue<Boolean> OVERRIDES_START = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            for (Class<?> k = c; k != null && k != Thread.class; k = k.getSuperclass()) {
                try {
                    k.getDeclaredMethod("start");
                    return true;
                } catch (NoSuchMethodException e) {
                    // look further up
                }
            }
            return false;
        }
    };

    static TaskCtx me(JvmRuntime rt) {
        return rt == null ? null : rt.ctl();
    }

    private static TaskCtx required(JvmRuntime rt, String what, int site) {
        TaskCtx me = me(rt);
        if (me == null && rt != null && rt.onTaskThread()) {
            String msg = what + " at " + Sites.display(site) + " outside whylock's control (in a static initialiser or inside an atomic call)";
            rt.notes.notControlled(msg);
            throw new NotControlled(msg);
        }
        return me;
    }

    /** The name of a thread created without one: {@code Thread-N}, numbered per execution. */
    public static String threadName() {
        JvmRuntime rt = JvmRuntime.active();
        return "Thread-" + (rt != null && rt.onTaskThread() ? rt.next("thread") : FALLBACK_NAMES.getAndIncrement());
    }

    // ---------------------------------------------------------------- start and join

    public static void start(Thread t, int site) {
        JvmRuntime rt = JvmRuntime.active();
        if (rt != null && rt.onTaskThread() && OVERRIDES_START.get(t.getClass())) {
            t.start(); // the override runs; its super.start() arrives at startSuper
            return;
        }
        startSuper(t, site);
    }

    public static void startSuper(Thread t, int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = required(rt, "Thread.start", site);
        if (me == null) {
            t.start();
            return;
        }
        if (rt.ctxOf(t) != null) {
            throw new IllegalThreadStateException(t.getName() + " was already started");
        }
        TaskCtx child = rt.register(t.getName(), t);
        rt.prims.start(child, () -> run(t));
    }

    private static void run(Thread t) {
        try {
            t.run();
        } catch (Throwable e) {
            Thread.UncaughtExceptionHandler h = t.getUncaughtExceptionHandler();
            if (h == null || h == t.getThreadGroup() || e instanceof NotControlled || e.getClass().getName().startsWith("dev.whylock.engine.")) {
                throw sneaky(e);
            }
            h.uncaughtException(t, e);
        }
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }

    public static Thread startVirtualThread(Runnable r, int site) {
        Thread t = new Thread(r, threadName());
        start(t, site);
        return t;
    }

    public static Thread builderStart(Thread.Builder b, Runnable r, int site) {
        JvmRuntime rt = JvmRuntime.active();
        if (rt == null || !rt.onTaskThread()) {
            return b.start(r);
        }
        // A platform Thread object stands for the thread the builder would make (virtual ones cannot run outside their scheduler).
        Thread t = new Thread(r, threadName());
        start(t, site);
        return t;
    }

    public static Thread builderUnstarted(Thread.Builder b, Runnable r, int site) {
        JvmRuntime rt = JvmRuntime.active();
        return rt == null || !rt.onTaskThread() ? b.unstarted(r) : new Thread(r, threadName());
    }

    public static void join(Thread t, int site) throws InterruptedException {
        joinNanos(t, -1L, site);
    }

    public static void join(Thread t, long millis, int site) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        joinNanos(t, millis == 0 ? -1L : millis * 1_000_000, site);
    }

    public static void join(Thread t, long millis, int nanos, int site) throws InterruptedException {
        join(t, millis, site);
    }

    public static boolean join(Thread t, Duration d, int site) throws InterruptedException {
        return joinNanos(t, Math.max(0, d.toNanos()), site);
    }

    private static boolean joinNanos(Thread t, long timeoutNanos, int site) throws InterruptedException {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = required(rt, "Thread.join", site);
        if (me == null) {
            t.join(timeoutNanos < 0 ? 0 : Math.max(1, timeoutNanos / 1_000_000));
            return !t.isAlive();
        }
        TaskCtx target = rt.ctxOf(t);
        return target == null || rt.prims.join(me, target, timeoutNanos, Sites.display(site));
    }

    public static boolean isAlive(Thread t, int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = me(rt);
        if (me == null) {
            return t.isAlive();
        }
        TaskCtx target = rt.ctxOf(t);
        if (target == null) {
            return false;
        }
        return target.task == null || rt.prims.isAlive(target, Sites.display(site));
    }

    // ---------------------------------------------------------------- identity, sleep, interrupts

    public static Thread currentThread(int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx cur = rt == null ? null : rt.current();
        return cur == null ? Thread.currentThread() : cur.thread;
    }

    public static void yield(int site) {
        // Not an operation: between two visible operations nothing another task could see happens.
    }

    public static void sleep(long millis, int site) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        sleepNanos(millis * 1_000_000, site);
    }

    public static void sleep(long millis, int nanos, int site) throws InterruptedException {
        sleep(millis, site);
    }

    public static void sleep(Duration d, int site) throws InterruptedException {
        sleepNanos(Math.max(0, d.toNanos()), site);
    }

    private static void sleepNanos(long nanos, int site) throws InterruptedException {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = me(rt);
        if (me == null) {
            if (rt == null || !rt.onTaskThread()) {
                Thread.sleep(nanos / 1_000_000);
            }
            return; // in a static initialiser: virtual time does not pass
        }
        rt.prims.sleep(me, nanos, Sites.display(site));
    }

    public static void interrupt(Thread t, int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = me(rt);
        if (me == null) {
            if (rt == null || !rt.onTaskThread()) {
                t.interrupt();
            }
            return;
        }
        TaskCtx target = rt.ctxOf(t);
        if (target != null) {
            rt.prims.interrupt(target, Sites.display(site));
        }
    }

    public static boolean isInterrupted(Thread t, int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = me(rt);
        if (me == null) {
            return rt == null || !rt.onTaskThread() ? t.isInterrupted() : false;
        }
        TaskCtx target = rt.ctxOf(t);
        return target != null && rt.prims.interrupted(target, false, Sites.display(site));
    }

    public static boolean interrupted(int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = me(rt);
        if (me == null) {
            return rt == null || !rt.onTaskThread() ? Thread.interrupted() : false;
        }
        return rt.prims.interrupted(me, true, Sites.display(site));
    }

    // ---------------------------------------------------------------- Object.wait / notify

    public static void waitOn(Object o, int site) throws InterruptedException {
        waitNanos(o, -1, site);
    }

    public static void waitOn(Object o, long millis, int site) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        waitNanos(o, millis == 0 ? -1 : millis * 1_000_000, site);
    }

    public static void waitOn(Object o, long millis, int nanos, int site) throws InterruptedException {
        waitOn(o, millis, site);
    }

    private static void waitNanos(Object o, long nanos, int site) throws InterruptedException {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = required(rt, "Object.wait", site);
        if (me == null) {
            o.wait(Math.max(0, nanos / 1_000_000));
            return;
        }
        rt.prims.await(me, o, null, nanos, true, Sites.display(site));
    }

    public static void notifyOn(Object o, int site) {
        signal(o, false, site);
    }

    public static void notifyAllOn(Object o, int site) {
        signal(o, true, site);
    }

    private static void signal(Object o, boolean all, int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = me(rt);
        if (me == null) {
            if (rt == null || !rt.onTaskThread()) {
                if (all) {
                    o.notifyAll();
                } else {
                    o.notify();
                }
            }
            return;
        }
        rt.prims.signal(me, o, null, all, Sites.display(site));
    }

    // ---------------------------------------------------------------- LockSupport

    public static void park(int site) {
        parkFor(-1L, site);
    }

    public static void park(Object blocker, int site) {
        parkFor(-1L, site);
    }

    public static void parkNanos(Object blocker, long nanos, int site) {
        parkNanos(nanos, site);
    }

    public static void parkNanos(long nanos, int site) {
        if (nanos > 0) {
            parkFor(nanos, site);
        }
    }

    private static void parkFor(long nanos, int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = required(rt, "LockSupport.park", site);
        if (me == null) {
            java.util.concurrent.locks.LockSupport.parkNanos(nanos < 0 ? Long.MAX_VALUE : nanos);
            return;
        }
        rt.prims.park(me, nanos, Sites.display(site));
    }

    public static void unpark(Thread t, int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = me(rt);
        if (me == null) {
            if (rt == null || !rt.onTaskThread()) {
                java.util.concurrent.locks.LockSupport.unpark(t);
            }
            return;
        }
        TaskCtx target = t == null ? null : rt.ctxOf(t);
        if (target != null) {
            rt.prims.unpark(target, Sites.display(site));
        }
    }

    // ---------------------------------------------------------------- ThreadLocal

    /** On continuations every task shares one carrier thread, so each task keeps its own thread-local values here. */
    public static Object threadLocalGet(ThreadLocal<?> tl, int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx cur = rt == null ? null : rt.current();
        if (cur == null) {
            return tl.get();
        }
        if (!cur.locals.containsKey(tl)) {
            // The initial value comes from the ThreadLocal itself (its initialValue or supplier), then leaves the carrier.
            Object v = tl.get();
            tl.remove();
            cur.locals.put(tl, v);
        }
        return cur.locals.get(tl);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void threadLocalSet(ThreadLocal tl, Object v, int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx cur = rt == null ? null : rt.current();
        if (cur == null) {
            tl.set(v);
            return;
        }
        cur.locals.put(tl, v);
    }

    public static void threadLocalRemove(ThreadLocal<?> tl, int site) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx cur = rt == null ? null : rt.current();
        if (cur == null) {
            tl.remove();
            return;
        }
        cur.locals.remove(tl);
    }
}
