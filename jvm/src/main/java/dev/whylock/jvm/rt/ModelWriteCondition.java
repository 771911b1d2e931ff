package dev.whylock.jvm.rt;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/** A condition of a {@link ModelReentrantReadWriteLock}'s write lock: await and signal on the engine, the JDK's outside an execution. */
final class ModelWriteCondition implements Condition {
    private final ModelReentrantReadWriteLock rw;
    private final Condition real;

    ModelWriteCondition(ModelReentrantReadWriteLock rw, Condition real) {
        this.rw = rw;
        this.real = real;
    }

    private boolean await(long nanos, boolean interruptible) throws InterruptedException {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = RtThreads.me(rt);
        if (me == null) {
            if (rt != null && rt.onTaskThread()) {
                throw new NotControlled("Condition.await outside whylock's control (in a static initialiser or an atomic call)");
            }
            if (nanos < 0) {
                real.await();
                return true;
            }
            return real.await(nanos, TimeUnit.NANOSECONDS);
        }
        return rt.prims.rwAwait(me, rw, this, nanos, interruptible, CallerSite.of(rt));
    }

    @Override
    public void await() throws InterruptedException {
        await(-1, true);
    }

    @Override
    public void awaitUninterruptibly() {
        try {
            await(-1, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public long awaitNanos(long nanosTimeout) throws InterruptedException {
        return await(Math.max(0, nanosTimeout), true) ? Math.max(1, nanosTimeout / 2) : 0;
    }

    @Override
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        return await(Math.max(0, unit.toNanos(time)), true);
    }

    @Override
    public boolean awaitUntil(Date deadline) throws InterruptedException {
        long millis = deadline.getTime() - RtSystem.currentTimeMillis(0);
        return await(Math.max(0, millis) * 1_000_000, true);
    }

    @Override
    public void signal() {
        signal(false);
    }

    @Override
    public void signalAll() {
        signal(true);
    }

    private void signal(boolean all) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = RtThreads.me(rt);
        if (me == null) {
            if (all) {
                real.signalAll();
            } else {
                real.signal();
            }
            return;
        }
        rt.prims.rwSignal(me, rw, this, all, CallerSite.of(rt));
    }
}
