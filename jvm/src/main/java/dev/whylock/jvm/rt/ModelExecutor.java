package dev.whylock.jvm.rt;

import dev.whylock.engine.Field;
import dev.whylock.engine.Work;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A thread pool whose worker threads are engine work items: the queue of submitted tasks and the
 * shut-down flag are one engine field; a submission wakes every worker (an idle one starts, a
 * running one runs again), and each worker run drains the queue. Up to {@code size} workers,
 * created one per submission as ThreadPoolExecutor creates its core threads.
 */
public final class ModelExecutor extends AbstractExecutorService {

    /** The tasks not yet taken. */
    record PoolState(List<Runnable> queued) {
        @Override
        public String toString() {
            return queued.size() + " queued";
        }
    }

    private final JvmRuntime rt;
    private final String name;
    private final int size;
    private final Field<PoolState> state;
    private final Field<Boolean> shutdown;
    private final List<Work> workers = new ArrayList<>();

    ModelExecutor(JvmRuntime rt, int size) {
        this(rt, size, "pool-" + (rt.next("pool") + 1));
    }

    ModelExecutor(JvmRuntime rt, int size, String name) {
        if (size <= 0) {
            throw new IllegalArgumentException("a pool needs at least one thread, got " + size);
        }
        this.rt = rt;
        this.size = size;
        this.name = name;
        this.state = rt.env.<PoolState>field(name + " queue", new PoolState(List.of())).ordered();
        this.shutdown = rt.env.field(name + " shut down", false).ordered();
    }

    private TaskCtx me(String what) {
        TaskCtx me = RtThreads.me(rt);
        if (me == null) {
            String msg = name + "." + what + " outside whylock's control (in a static initialiser or an atomic call)";
            rt.notes.notControlled(msg);
            throw new NotControlled(msg);
        }
        return me;
    }

    @Override
    public void execute(Runnable task) {
        if (task == null) {
            throw new NullPointerException();
        }
        me("execute");
        String site = CallerSite.of(rt);
        if (workers.size() < size) {
            // As ThreadPoolExecutor.addWorker: a new core thread gets the task itself, not through the queue.
            if (shutdown.get(site)) {
                throw new RejectedExecutionException(name + " is shut down");
            }
            String worker = name + "-thread-" + (workers.size() + 1);
            TaskCtx ctx = rt.registerWorker(worker, new Thread((Runnable) null, worker));
            Runnable[] first = {task};
            Work w = rt.env.work(worker, () -> work(ctx, first));
            workers.add(w);
            w.queue(site);
            return;
        }
        if (shutdown.get(site)) {
            throw new RejectedExecutionException(name + " is shut down");
        }
        state.update(s -> new PoolState(append(s.queued(), task)), site);
        for (Work w : workers) {
            w.queue(site);
        }
    }

    private static List<Runnable> append(List<Runnable> l, Runnable r) {
        List<Runnable> out = new ArrayList<>(l);
        out.add(r);
        return List.copyOf(out);
    }

    /** One run of a worker: its first task if it has one, then queued tasks until the queue is empty. */
    private void work(TaskCtx ctx, Runnable[] first) {
        rt.enterTask(ctx);
        Runnable next = first[0];
        first[0] = null;
        String site = ctx.thread.getName() + " takes a task";
        while (true) {
            if (next != null) {
                next.run();
            }
            // Looking is a read, so idle workers do not order each other; only a worker that finds a task takes it.
            if (state.get(site).queued().isEmpty()) {
                return;
            }
            Runnable[] taken = new Runnable[1];
            state.update(s -> {
                if (s.queued().isEmpty()) {
                    return s;
                }
                taken[0] = s.queued().get(0);
                return new PoolState(List.copyOf(s.queued().subList(1, s.queued().size())));
            }, site);
            next = taken[0];
        }
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Runnable r, T value) {
        return new ModelFutureTask<>(rt, name, r, value);
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Callable<T> c) {
        return new ModelFutureTask<>(rt, name, c);
    }

    @Override
    public void shutdown() {
        me("shutdown");
        shutdown.set(true, CallerSite.of(rt));
    }

    @Override
    public List<Runnable> shutdownNow() {
        me("shutdownNow");
        String site = CallerSite.of(rt);
        shutdown.set(true, site);
        PoolState old = state.update(s -> new PoolState(List.of()), site);
        return new ArrayList<>(old.queued());
    }

    @Override
    public boolean isShutdown() {
        me("isShutdown");
        return shutdown.get(CallerSite.of(rt));
    }

    /** Shut down with nothing queued; a worker may still be finishing its last task (not observable here). */
    @Override
    public boolean isTerminated() {
        me("isTerminated");
        String site = CallerSite.of(rt);
        return shutdown.get(site) && state.get(site).queued().isEmpty();
    }

    /** Once shut down, waits for every worker's last run (without a timeout); before that, sleeps the timeout and says false. */
    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        TaskCtx me = me("awaitTermination");
        String site = CallerSite.of(rt);
        if (!shutdown.get(site)) {
            rt.prims.sleep(me, Math.max(0, unit.toNanos(timeout)), site);
            return false;
        }
        for (Work w : List.copyOf(workers)) {
            w.flush(site);
        }
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
