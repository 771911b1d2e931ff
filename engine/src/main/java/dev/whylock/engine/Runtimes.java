package dev.whylock.engine;

/**
 * Holds the runtime of the execution in progress so that model code can reach it without plumbing.
 *
 * <p>Several explorations may run at once in one JVM (an inquiry with {@code --workers}), each on
 * its own thread: the runtime is per thread. Task threads (the thread backend, stress) are created
 * by the execution's thread after it installed its runtime and inherit it; the last installed
 * runtime remains the answer on any other thread, as before.
 */
public final class Runtimes {
    private static final InheritableThreadLocal<ExecutionRuntime> CURRENT = new InheritableThreadLocal<>();
    private static volatile ExecutionRuntime last;

    private Runtimes() {}

    static ExecutionRuntime current() {
        ExecutionRuntime rt = CURRENT.get();
        if (rt == null) {
            rt = last;
        }
        if (rt == null) {
            throw new IllegalStateException("no whylock execution is running on this thread");
        }
        return rt;
    }

    /** Installs {@code rt} as the current runtime of this thread and the threads it creates (engine internal). */
    public static void install(ExecutionRuntime rt) {
        CURRENT.set(rt);
        last = rt;
    }
}
