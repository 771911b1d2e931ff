package dev.whylock.jvm.rt;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The future of a task submitted to a {@link ModelExecutor}: get() waits on the engine until the task completed. */
final class ModelFutureTask<V> extends FutureTask<V> {
    private final JvmRuntime rt;
    private final WaitQueue done;
    private final dev.whylock.engine.Completion completed;

    ModelFutureTask(JvmRuntime rt, String pool, Callable<V> c) {
        super(c);
        this.rt = rt;
        String name = "future #" + (rt.next("future") + 1) + " of " + pool;
        this.done = rt.prims.counter(name, 0, "done");
        this.completed = rt.prims.event(name);
    }

    ModelFutureTask(JvmRuntime rt, String pool, Runnable r, V value) {
        super(r, value);
        this.rt = rt;
        String name = "future #" + (rt.next("future") + 1) + " of " + pool;
        this.done = rt.prims.counter(name, 0, "done");
        this.completed = rt.prims.event(name);
    }

    @Override
    protected void done() {
        if (RtThreads.me(rt) != null) {
            String site = CallerSite.of(rt);
            rt.prims.release(done, v -> 1, v -> true, site);
            rt.prims.fire(completed, site);
        }
    }

    private boolean await(long nanos) throws InterruptedException {
        TaskCtx me = RtThreads.me(rt);
        if (me == null) {
            throw new NotControlled("Future.get outside whylock's control (in a static initialiser or an atomic call)");
        }
        return rt.prims.acquire(me, done, v -> v == 1, v -> v, nanos, JvmPrimitives.Interrupts.THROW, CallerSite.of(rt));
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
        return me == null ? super.isDone() : rt.prims.read(done, CallerSite.of(rt)) == 1;
    }

    /** Cancels without interrupting the runner: its real thread is the scheduler's. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return super.cancel(false);
    }
}
