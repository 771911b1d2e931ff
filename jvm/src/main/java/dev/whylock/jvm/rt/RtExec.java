package dev.whylock.jvm.rt;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** Entry points for {@link Executors}' factories: inside an execution their pools are {@link ModelExecutor}s. */
public final class RtExec {
    private RtExec() {}

    private static JvmRuntime runtime() {
        JvmRuntime rt = JvmRuntime.active();
        return rt != null && rt.onTaskThread() ? rt : null;
    }

    public static ExecutorService newFixedThreadPool(int n, int site) {
        JvmRuntime rt = runtime();
        return rt == null ? Executors.newFixedThreadPool(n) : new ModelExecutor(rt, n);
    }

    public static ExecutorService newFixedThreadPool(int n, ThreadFactory f, int site) {
        JvmRuntime rt = runtime();
        return rt == null ? Executors.newFixedThreadPool(n, f) : new ModelExecutor(rt, n);
    }

    public static ExecutorService newSingleThreadExecutor(int site) {
        return newFixedThreadPool(1, site);
    }

    public static ExecutorService newSingleThreadExecutor(ThreadFactory f, int site) {
        return newFixedThreadPool(1, f, site);
    }

    public static ExecutorService newCachedThreadPool(int site) {
        JvmRuntime rt = runtime();
        return rt == null ? Executors.newCachedThreadPool() : new ModelExecutor(rt, Integer.MAX_VALUE);
    }

    public static ExecutorService newCachedThreadPool(ThreadFactory f, int site) {
        JvmRuntime rt = runtime();
        return rt == null ? Executors.newCachedThreadPool(f) : new ModelExecutor(rt, Integer.MAX_VALUE);
    }
}
