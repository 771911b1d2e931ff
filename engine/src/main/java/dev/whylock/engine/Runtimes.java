package dev.whylock.engine;

/** Holds the runtime of the execution in progress so that model code can reach it without plumbing. */
public final class Runtimes {
    private static volatile ExecutionRuntime current;

    private Runtimes() {}

    static ExecutionRuntime current() {
        ExecutionRuntime rt = current;
        if (rt == null) {
            throw new IllegalStateException("no whylock execution is running on this thread");
        }
        return rt;
    }

    /** Installs {@code rt} as the current runtime (engine internal). */
    public static void install(ExecutionRuntime rt) {
        current = rt;
    }
}
