package dev.whylock.jvm.rt;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The future of a task submitted to a {@link ModelExecutor}: get() waits on the engine until the task completed. */
final class ModelFutureTask<V> extends FutureTask<V> {
    private final JvmRuntime rt;
    private final dev.whylock.engine.Latch completed;

    ModelFutureTask(JvmRuntime rt, String pool, Callable<V> c) {
        super(c);
        this.rt = rt;
        String name = "future #" + (rt.next("future") + 1) + " of " + pool;
        this.completed = rt.prims.event(name);
    }

    ModelFutureTask(JvmRuntime rt, String pool, Runnable r, V value) {
        super(r, value);
        this.rt = rt;
        String name = "future #" + (rt.next("future") + 1) + " of " + pool;
        this.completed = rt.prims.event(name);
    }

    @Override
    protected void done() {
        if (RtThreads.me(rt) != null) {
            rt.prims.fire(completed, CallerSite.of(rt));
        }
    }

    private boolean await(long nanos) throws InterruptedException {
        TaskCtx me = RtThreads.me(rt);
        if (me == null) {
            throw new NotControlled("Future.get outside whylock's control (in a static initialiser or an atomic call)");
        }
        return rt.prims.awaitEvent(me, completed, nanos, CallerSite.of(rt));
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
        TaskCtx me = RtThreads.me(rt);
        if (me == null) {
            throw new NotControlled("Future.get outside whylock's control (in a static initialiser or an atomic call)");
        }
        rt.prims.awaitEvent(me, completed, CallerSite.of(rt));
        return super.get();
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        if (!await(Math.max(0, unit.toNanos(timeout)))) {
            throw new TimeoutException();
        }
        return super.get();
    }

    @Override
    public boolean isDone() {
        TaskCtx me = RtThreads.me(rt);
        return me == null ? super.isDone() : completed.count(CallerSite.of(rt)) == 0;
    }

    /** Cancels without interrupting the runner: its real thread is the scheduler's. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return super.cancel(false);
    }
}
