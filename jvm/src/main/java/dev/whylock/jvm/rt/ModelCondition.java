package dev.whylock.jvm.rt;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * A condition of a {@link ModelReentrantLock}, or of a {@link ModelReentrantReadWriteLock}'s write
 * lock ({@code writeLock} true): await and signal on the engine, the JDK's condition outside an
 * execution.
 */
final class ModelCondition implements Condition {
    private final Object lock;
    private final boolean writeLock;
    private final Condition real;

    ModelCondition(Object lock, boolean writeLock, Condition real) {
        this.lock = lock;
        this.writeLock = writeLock;
        this.real = real;
    }

    private boolean await(long nanos, boolean interruptible) throws InterruptedException {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = RtThreads.me(rt);
        if (me == null) {
            if (rt != null && rt.onTaskThread()) {
                throw new NotControlled("Condition.await outside whylock's control (in a static initialiser or an atomic call)");
            }
            return nanos < 0 ? doAwait() : real.await(nanos, TimeUnit.NANOSECONDS);
        }
        return writeLock ? rt.prims.rwAwait(me, lock, this, nanos, interruptible, CallerSite.of(rt))
                : rt.prims.await(me, lock, this, nanos, interruptible, CallerSite.of(rt));
    }

    private boolean doAwait() throws InterruptedException {
        real.await();
        return true;
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
        if (writeLock) {
            rt.prims.rwSignal(me, lock, this, all, CallerSite.of(rt));
        } else {
            rt.prims.signal(me, lock, this, all, CallerSite.of(rt));
        }
    }
}
