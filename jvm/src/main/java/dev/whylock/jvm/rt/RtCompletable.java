package dev.whylock.jvm.rt;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Entry points for CompletableFuture's static factories: inside an execution their futures are
 * {@link ModelCompletableFuture}s and their async work runs as tasks of the given executor, or of
 * the modelled common pool; outside one, the JDK's.
 */
public final class RtCompletable {
    private RtCompletable() {}

    private static boolean controlled() {
        return RtThreads.me(JvmRuntime.active()) != null;
    }

    public static CompletableFuture<Object> supplyAsync(Supplier<Object> s, int site) {
        return controlled() ? supplyAsync(s, ModelCompletableFuture.commonPool(), site) : CompletableFuture.supplyAsync(s);
    }

    public static CompletableFuture<Object> supplyAsync(Supplier<Object> s, Executor ex, int site) {
        if (!controlled()) {
            return CompletableFuture.supplyAsync(s, ex);
        }
        if (s == null) {
            throw new NullPointerException();
        }
        ModelCompletableFuture<Object> f = new ModelCompletableFuture<>();
        ModelCompletableFuture.async(ex).execute(() -> f.run(s::get));
        return f;
    }

    public static CompletableFuture<Void> runAsync(Runnable r, int site) {
        return controlled() ? runAsync(r, ModelCompletableFuture.commonPool(), site) : CompletableFuture.runAsync(r);
    }

    public static CompletableFuture<Void> runAsync(Runnable r, Executor ex, int site) {
        if (!controlled()) {
            return CompletableFuture.runAsync(r, ex);
        }
        if (r == null) {
            throw new NullPointerException();
        }
        ModelCompletableFuture<Void> f = new ModelCompletableFuture<>();
        ModelCompletableFuture.async(ex).execute(() -> f.run(() -> {
            r.run();
            return null;
        }));
        return f;
    }

    public static CompletableFuture<Object> completedFuture(Object v, int site) {
        if (!controlled()) {
            return CompletableFuture.completedFuture(v);
        }
        ModelCompletableFuture<Object> f = new ModelCompletableFuture<>();
        f.settle(v, null);
        return f;
    }

    public static CompletableFuture<Object> failedFuture(Throwable ex, int site) {
        if (!controlled()) {
            return CompletableFuture.failedFuture(ex);
        }
        if (ex == null) {
            throw new NullPointerException();
        }
        ModelCompletableFuture<Object> f = new ModelCompletableFuture<>();
        f.settle(null, ex);
        return f;
    }

    /** Completes once every future has: its count of those still running is one engine number, so the last one is decided by an operation. */
    public static CompletableFuture<Void> allOf(CompletableFuture<?>[] cfs, int site) {
        if (!controlled()) {
            return CompletableFuture.allOf(cfs);
        }
        ModelCompletableFuture<Void> d = new ModelCompletableFuture<>();
        List<ModelCompletableFuture<?>> all = models(cfs, "allOf");
        if (all.isEmpty()) {
            d.settle(null, null);
            return d;
        }
        JvmRuntime r = JvmRuntime.active();
        WaitQueue left = r.prims.counter("allOf #" + (r.next("allOf") + 1), all.size(), "running");
        for (ModelCompletableFuture<?> f : all) {
            f.onDone(() -> {
                if (r.prims.release(left, v -> v - 1, v -> false, CallerSite.of(r)) == 1) {
                    Throwable failed = all.stream().map(ModelCompletableFuture::failure).filter(e -> e != null).findFirst().orElse(null);
                    d.settle(null, failed == null ? null : ModelCompletableFuture.wrap(failed));
                }
            });
        }
        return d;
    }

    /** Completes as the first of the futures to complete does (the first settle wins). */
    public static CompletableFuture<Object> anyOf(CompletableFuture<?>[] cfs, int site) {
        if (!controlled()) {
            return CompletableFuture.anyOf(cfs);
        }
        ModelCompletableFuture<Object> d = new ModelCompletableFuture<>();
        for (ModelCompletableFuture<?> f : models(cfs, "anyOf")) {
            f.onDone(() -> d.settle(f.result(), f.failure() == null ? null : ModelCompletableFuture.wrap(f.failure())));
        }
        return d;
    }

    private static List<ModelCompletableFuture<?>> models(CompletableFuture<?>[] cfs, String method) {
        for (CompletableFuture<?> f : cfs) {
            if (!(f instanceof ModelCompletableFuture<?>)) {
                NotControlled.stopAt("java.util.concurrent.CompletableFuture." + method + " of a future whylock does not model");
            }
        }
        return java.util.Arrays.stream(cfs).<ModelCompletableFuture<?>>map(f -> (ModelCompletableFuture<?>) f).toList();
    }
}
