package dev.whylock.jvm.rt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code new CompletableFuture<>()} (and the static factories, through {@link RtCompletable})
 * create in rewritten code. Its completion is one number on the engine (a {@link WaitQueue}, 0
 * while incomplete, 1 once completed): completing is one atomic operation that records the result
 * and takes the dependent stages registered so far (only the first completion wins, as in the
 * JDK); registering a dependent is one operation that either queues it or finds the future done
 * (then the registering thread runs it, as the JDK does); join and get wait in the queue. A
 * dependent stage runs in the thread that completes its source, or, for the *Async methods, as a
 * task of the given executor (or of a modelled common pool with a worker per task). Methods the
 * model does not answer stop the execution as "not controlled", by name.
 */
public class ModelCompletableFuture<T> extends CompletableFuture<T> {
    private JvmRuntime rt;
    private WaitQueue done;
    private Object value;
    private Throwable error;
    private List<Runnable> dependents = new ArrayList<>();

    public ModelCompletableFuture() {
        super();
    }

    private static JvmRuntime runtime(String method) {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            NotControlled.stopAt("java.util.concurrent.CompletableFuture." + method + " outside whylock's control");
            throw new NotControlled("CompletableFuture." + method + " outside an execution");
        }
        return r;
    }

    private WaitQueue state(JvmRuntime r) {
        if (rt != r) {
            rt = r;
            done = r.prims.counter(r.lockName(this) + " #" + (r.next("completable") + 1), 0, v -> v == 0 ? "incomplete" : "completed");
            value = null;
            error = null;
            dependents = new ArrayList<>();
        }
        return done;
    }

    // ---------------------------------------------------------------- completion

    /** Completes with {@code v} or {@code ex} if not done yet (one operation), then runs the dependents taken. */
    boolean settle(Object v, Throwable ex) {
        JvmRuntime r = runtime(ex == null ? "complete" : "completeExceptionally");
        List<Runnable> run = new ArrayList<>();
        boolean won = r.prims.tryChange(state(r), s -> s == 0, s -> {
            value = v;
            error = ex;
            run.addAll(dependents);
            dependents = new ArrayList<>();
            return 1;
        }, CallerSite.of(r));
        for (Runnable d : run) {
            d.run();
        }
        return won;
    }

    /** Runs {@code d} once this future is done: queued (one operation), or at once when it already is. */
    void onDone(Runnable d) {
        JvmRuntime r = runtime("a dependent stage");
        long old = r.prims.release(state(r), s -> {
            if (s == 0) {
                dependents.add(d);
            }
            return s;
        }, s -> false, CallerSite.of(r));
        if (old != 0) {
            d.run();
        }
    }

    /** The result once done (read only after an operation saw it done). */
    Object result() {
        return value;
    }

    /** The exception once done, or null (read only after an operation saw it done). */
    Throwable failure() {
        return error;
    }

    /** The exception a dependent completes with when this future failed with {@code ex}. */
    static CompletionException wrap(Throwable ex) {
        return ex instanceof CompletionException c ? c : new CompletionException(ex);
    }

    @Override
    public boolean complete(T v) {
        return settle(v, null);
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
        if (ex == null) {
            throw new NullPointerException();
        }
        return settle(null, ex);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return settle(null, new CancellationException()) || isCancelled();
    }

    // ---------------------------------------------------------------- waiting and looking

    /** Waits until done (per {@code interrupts}, up to {@code nanos}); false on timeout. */
    private boolean await(long nanos, JvmPrimitives.Interrupts interrupts) throws InterruptedException {
        JvmRuntime r = runtime("join/get");
        return r.prims.acquire(RtThreads.me(r), state(r), s -> s == 1, s -> s, nanos, interrupts, CallerSite.of(r));
    }

    private boolean isDone(JvmRuntime r) {
        return r.prims.read(state(r), CallerSite.of(r)) == 1;
    }

    @SuppressWarnings("unchecked")
    private T joined() {
        if (error == null) {
            return (T) value;
        }
        if (error instanceof CancellationException c) {
            throw c;
        }
        throw wrap(error);
    }

    @SuppressWarnings("unchecked")
    private T got() throws ExecutionException {
        if (error == null) {
            return (T) value;
        }
        if (error instanceof CancellationException c) {
            throw c;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        throw new ExecutionException(cause);
    }

    @Override
    public T join() {
        try {
            await(-1, JvmPrimitives.Interrupts.IGNORE);
        } catch (InterruptedException e) {
            throw new IllegalStateException("an uninterruptible wait was interrupted", e);
        }
        return joined();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        await(-1, JvmPrimitives.Interrupts.THROW);
        return got();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        if (!await(Math.max(0, unit.toNanos(timeout)), JvmPrimitives.Interrupts.THROW)) {
            throw new TimeoutException();
        }
        return got();
    }

    @Override
    public T getNow(T valueIfAbsent) {
        return isDone(runtime("getNow")) ? joined() : valueIfAbsent;
    }

    @Override
    public boolean isDone() {
        return isDone(runtime("isDone"));
    }

    @Override
    public boolean isCompletedExceptionally() {
        return isDone(runtime("isCompletedExceptionally")) && error != null;
    }

    @Override
    public boolean isCancelled() {
        return isDone(runtime("isCancelled")) && error instanceof CancellationException;
    }

    @SuppressWarnings("unchecked")
    @Override
    public T resultNow() {
        if (!isDone(runtime("resultNow")) || error != null) {
            throw new IllegalStateException("not completed with a result");
        }
        return (T) value;
    }

    @Override
    public Throwable exceptionNow() {
        if (!isDone(runtime("exceptionNow")) || error == null || error instanceof CancellationException) {
            throw new IllegalStateException("not completed with an exception");
        }
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    // ---------------------------------------------------------------- dependent stages

    /** Runs {@code body} where a dependent stage runs: here ({@code ex} null) or as a task of {@code ex}. */
    private static void runIn(Executor ex, Runnable body) {
        if (ex == null) {
            body.run();
        } else {
            ex.execute(body);
        }
    }

    static Executor async(Executor ex) {
        if (ex == null) {
            throw new NullPointerException();
        }
        return ex;
    }

    static Executor commonPool() {
        return runtime("an async stage").commonPool();
    }

    /**
     * A new stage completed by {@code body} (its result, or CompletionException of what it throws)
     * once this one is done, run per {@link #runIn}; {@code body} sees this stage's value and error.
     */
    private <U> ModelCompletableFuture<U> then(Executor ex, BiFunction<Object, Throwable, Object> body) {
        ModelCompletableFuture<U> d = new ModelCompletableFuture<>();
        onDone(() -> runIn(ex, () -> d.run(() -> body.apply(value, error))));
        return d;
    }

    /** Completes this stage with what {@code body} returns, or exceptionally with what it throws. */
    @SuppressWarnings("unchecked")
    void run(Supplier<Object> body) {
        Object v;
        try {
            v = body.get();
        } catch (Throwable t) {
            settle(null, wrap(t));
            return;
        }
        if (v instanceof Failed f) {
            settle(null, f.ex());
        } else {
            settle(v, null);
        }
    }

    /** What a stage's body returns to complete exceptionally without throwing. */
    record Failed(Throwable ex) {}

    private static Object passFailure(Throwable e) {
        return new Failed(wrap(e));
    }

    private <U> ModelCompletableFuture<U> apply(Executor ex, Function<? super T, ? extends U> fn) {
        if (fn == null) {
            throw new NullPointerException();
        }
        return then(ex, (v, e) -> e != null ? passFailure(e) : fn.apply(cast(v)));
    }

    @SuppressWarnings("unchecked")
    private static <X> X cast(Object v) {
        return (X) v;
    }

    /** The other stage of a binary method, which must be modelled too. */
    @SuppressWarnings("unchecked")
    private static <X> ModelCompletableFuture<X> other(CompletionStage<? extends X> s, String method) {
        if (s instanceof ModelCompletableFuture<?> m) {
            return (ModelCompletableFuture<X>) m;
        }
        NotControlled.stopAt("java.util.concurrent.CompletableFuture." + method + " with a stage whylock does not model (" + s.getClass().getName() + ")");
        throw new NotControlled("CompletableFuture." + method + " with an unmodelled stage");
    }

    private <U, V> ModelCompletableFuture<V> both(Executor ex, CompletionStage<? extends U> o, BiFunction<? super T, ? super U, ? extends V> fn,
            String method) {
        ModelCompletableFuture<U> other = other(o, method);
        ModelCompletableFuture<V> d = new ModelCompletableFuture<>();
        onDone(() -> other.onDone(() -> runIn(ex, () -> d.run(() -> {
            if (error != null) {
                return passFailure(error);
            }
            if (other.error != null) {
                return passFailure(other.error);
            }
            return fn.apply(cast(value), cast(other.value));
        }))));
        return d;
    }

    private <V> ModelCompletableFuture<V> either(Executor ex, CompletionStage<? extends T> o, Function<? super T, V> fn, String method) {
        ModelCompletableFuture<T> other = other(o, method);
        ModelCompletableFuture<V> d = new ModelCompletableFuture<>();
        ModelCompletableFuture<Boolean> first = new ModelCompletableFuture<>();
        for (ModelCompletableFuture<? extends T> src : List.of(this, other)) {
            src.onDone(() -> {
                // Whichever source finishes first (one operation decides) completes the stage.
                if (first.settle(Boolean.TRUE, null)) {
                    runIn(ex, () -> d.run(() -> src.error != null ? passFailure(src.error) : fn.apply(cast(src.value))));
                }
            });
        }
        return d;
    }

    private <U> ModelCompletableFuture<U> compose(Executor ex, Function<? super T, ? extends CompletionStage<U>> fn) {
        if (fn == null) {
            throw new NullPointerException();
        }
        ModelCompletableFuture<U> d = new ModelCompletableFuture<>();
        onDone(() -> runIn(ex, () -> {
            if (error != null) {
                d.settle(null, wrap(error));
                return;
            }
            CompletionStage<U> next;
            try {
                next = fn.apply(cast(value));
            } catch (Throwable t) {
                d.settle(null, wrap(t));
                return;
            }
            ModelCompletableFuture<U> n = other(next, "thenCompose");
            n.onDone(() -> d.settle(n.value, n.error == null ? null : wrap(n.error)));
        }));
        return d;
    }

    private ModelCompletableFuture<T> whenDone(Executor ex, BiConsumer<? super T, ? super Throwable> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        return then(ex, (v, e) -> {
            try {
                action.accept(cast(v), e);
            } catch (Throwable t) {
                return e != null ? passFailure(e) : passFailure(t);
            }
            return e != null ? passFailure(e) : v;
        });
    }

    private <U> ModelCompletableFuture<U> handled(Executor ex, BiFunction<? super T, Throwable, ? extends U> fn) {
        if (fn == null) {
            throw new NullPointerException();
        }
        return then(ex, (v, e) -> fn.apply(cast(v), e));
    }

    private ModelCompletableFuture<T> recovered(Executor ex, Function<Throwable, ? extends T> fn) {
        if (fn == null) {
            throw new NullPointerException();
        }
        return then(ex, (v, e) -> e != null ? fn.apply(e) : v);
    }

    @Override
    public <U> CompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
        return apply(null, fn);
    }

    @Override
    public <U> CompletableFuture<U> thenApplyAsync(Function<? super T, ? extends U> fn) {
        return apply(commonPool(), fn);
    }

    @Override
    public <U> CompletableFuture<U> thenApplyAsync(Function<? super T, ? extends U> fn, Executor executor) {
        return apply(async(executor), fn);
    }

    @Override
    public CompletableFuture<Void> thenAccept(Consumer<? super T> action) {
        return accept(null, action);
    }

    @Override
    public CompletableFuture<Void> thenAcceptAsync(Consumer<? super T> action) {
        return accept(commonPool(), action);
    }

    @Override
    public CompletableFuture<Void> thenAcceptAsync(Consumer<? super T> action, Executor executor) {
        return accept(async(executor), action);
    }

    @Override
    public CompletableFuture<Void> thenRun(Runnable action) {
        return accept(null, v -> action.run());
    }

    @Override
    public CompletableFuture<Void> thenRunAsync(Runnable action) {
        return accept(commonPool(), v -> action.run());
    }

    @Override
    public CompletableFuture<Void> thenRunAsync(Runnable action, Executor executor) {
        return accept(async(executor), v -> action.run());
    }

    @Override
    public <U, V> CompletableFuture<V> thenCombine(CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
        return both(null, other, fn, "thenCombine");
    }

    @Override
    public <U, V> CompletableFuture<V> thenCombineAsync(CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
        return both(commonPool(), other, fn, "thenCombine");
    }

    @Override
    public <U, V> CompletableFuture<V> thenCombineAsync(CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn, Executor executor) {
        return both(async(executor), other, fn, "thenCombine");
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBoth(CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
        return both(null, other, (a, b) -> {
            action.accept(a, b);
            return null;
        }, "thenAcceptBoth");
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBothAsync(CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
        return both(commonPool(), other, (a, b) -> {
            action.accept(a, b);
            return null;
        }, "thenAcceptBoth");
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBothAsync(CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action, Executor executor) {
        return both(async(executor), other, (a, b) -> {
            action.accept(a, b);
            return null;
        }, "thenAcceptBoth");
    }

    @Override
    public CompletableFuture<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
        return both(null, other, (a, b) -> {
            action.run();
            return null;
        }, "runAfterBoth");
    }

    @Override
    public CompletableFuture<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action) {
        return both(commonPool(), other, (a, b) -> {
            action.run();
            return null;
        }, "runAfterBoth");
    }

    @Override
    public CompletableFuture<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action, Executor executor) {
        return both(async(executor), other, (a, b) -> {
            action.run();
            return null;
        }, "runAfterBoth");
    }

    @Override
    public <U> CompletableFuture<U> applyToEither(CompletionStage<? extends T> other, Function<? super T, U> fn) {
        return either(null, other, fn, "applyToEither");
    }

    @Override
    public <U> CompletableFuture<U> applyToEitherAsync(CompletionStage<? extends T> other, Function<? super T, U> fn) {
        return either(commonPool(), other, fn, "applyToEither");
    }

    @Override
    public <U> CompletableFuture<U> applyToEitherAsync(CompletionStage<? extends T> other, Function<? super T, U> fn, Executor executor) {
        return either(async(executor), other, fn, "applyToEither");
    }

    @Override
    public CompletableFuture<Void> acceptEither(CompletionStage<? extends T> other, Consumer<? super T> action) {
        return either(null, other, v -> {
            action.accept(v);
            return null;
        }, "acceptEither");
    }

    @Override
    public CompletableFuture<Void> acceptEitherAsync(CompletionStage<? extends T> other, Consumer<? super T> action) {
        return either(commonPool(), other, v -> {
            action.accept(v);
            return null;
        }, "acceptEither");
    }

    @Override
    public CompletableFuture<Void> acceptEitherAsync(CompletionStage<? extends T> other, Consumer<? super T> action, Executor executor) {
        return either(async(executor), other, v -> {
            action.accept(v);
            return null;
        }, "acceptEither");
    }

    @Override
    public CompletableFuture<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
        return either(null, cast(other), v -> {
            action.run();
            return null;
        }, "runAfterEither");
    }

    @Override
    public CompletableFuture<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action) {
        return either(commonPool(), cast(other), v -> {
            action.run();
            return null;
        }, "runAfterEither");
    }

    @Override
    public CompletableFuture<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action, Executor executor) {
        return either(async(executor), cast(other), v -> {
            action.run();
            return null;
        }, "runAfterEither");
    }

    @Override
    public <U> CompletableFuture<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
        return compose(null, fn);
    }

    @Override
    public <U> CompletableFuture<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn) {
        return compose(commonPool(), fn);
    }

    @Override
    public <U> CompletableFuture<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn, Executor executor) {
        return compose(async(executor), fn);
    }

    @Override
    public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
        return whenDone(null, action);
    }

    @Override
    public CompletableFuture<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action) {
        return whenDone(commonPool(), action);
    }

    @Override
    public CompletableFuture<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action, Executor executor) {
        return whenDone(async(executor), action);
    }

    @Override
    public <U> CompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
        return handled(null, fn);
    }

    @Override
    public <U> CompletableFuture<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn) {
        return handled(commonPool(), fn);
    }

    @Override
    public <U> CompletableFuture<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn, Executor executor) {
        return handled(async(executor), fn);
    }

    @Override
    public CompletableFuture<T> exceptionally(Function<Throwable, ? extends T> fn) {
        return recovered(null, fn);
    }

    @Override
    public CompletableFuture<T> exceptionallyAsync(Function<Throwable, ? extends T> fn) {
        return recovered(commonPool(), fn);
    }

    @Override
    public CompletableFuture<T> exceptionallyAsync(Function<Throwable, ? extends T> fn, Executor executor) {
        return recovered(async(executor), fn);
    }

    private ModelCompletableFuture<Void> accept(Executor ex, Consumer<? super T> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        return then(ex, (v, e) -> {
            if (e != null) {
                return passFailure(e);
            }
            action.accept(cast(v));
            return null;
        });
    }

    @Override
    public CompletableFuture<T> toCompletableFuture() {
        return this;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new ModelCompletableFuture<>();
    }

    @Override
    public Executor defaultExecutor() {
        return commonPool();
    }

    @Override
    public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier, Executor executor) {
        if (supplier == null) {
            throw new NullPointerException();
        }
        async(executor).execute(() -> run(supplier::get));
        return this;
    }

    @Override
    public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier) {
        return completeAsync(supplier, commonPool());
    }

    // ---------------------------------------------------------------- not modelled

    private static void refuse(String method) {
        NotControlled.stopAt("java.util.concurrent.CompletableFuture." + method);
    }

    @Override
    public CompletableFuture<T> exceptionallyCompose(Function<Throwable, ? extends CompletionStage<T>> fn) {
        refuse("exceptionallyCompose");
        return super.exceptionallyCompose(fn);
    }

    @Override
    public CompletableFuture<T> exceptionallyComposeAsync(Function<Throwable, ? extends CompletionStage<T>> fn) {
        refuse("exceptionallyComposeAsync");
        return super.exceptionallyComposeAsync(fn);
    }

    @Override
    public CompletableFuture<T> exceptionallyComposeAsync(Function<Throwable, ? extends CompletionStage<T>> fn, Executor executor) {
        refuse("exceptionallyComposeAsync");
        return super.exceptionallyComposeAsync(fn, executor);
    }

    @Override
    public java.util.concurrent.Future.State state() {
        refuse("state");
        return super.state();
    }

    @Override
    public void obtrudeValue(T v) {
        refuse("obtrudeValue");
        super.obtrudeValue(v);
    }

    @Override
    public void obtrudeException(Throwable ex) {
        refuse("obtrudeException");
        super.obtrudeException(ex);
    }

    @Override
    public int getNumberOfDependents() {
        refuse("getNumberOfDependents");
        return super.getNumberOfDependents();
    }

    @Override
    public CompletableFuture<T> copy() {
        refuse("copy");
        return super.copy();
    }

    @Override
    public CompletionStage<T> minimalCompletionStage() {
        refuse("minimalCompletionStage");
        return super.minimalCompletionStage();
    }

    @Override
    public CompletableFuture<T> orTimeout(long timeout, TimeUnit unit) {
        refuse("orTimeout");
        return super.orTimeout(timeout, unit);
    }

    @Override
    public CompletableFuture<T> completeOnTimeout(T v, long timeout, TimeUnit unit) {
        refuse("completeOnTimeout");
        return super.completeOnTimeout(v, timeout, unit);
    }

    @Override
    public String toString() {
        return "CompletableFuture@" + Integer.toHexString(RtSystem.identityHashCode(this, 0));
    }
}
