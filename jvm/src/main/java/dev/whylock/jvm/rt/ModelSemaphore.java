package dev.whylock.jvm.rt;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What {@code new Semaphore(n)} creates in rewritten code: the permits live on the engine while an
 * execution controls the caller. Fairness is not modelled (any waiter may proceed).
 */
public class ModelSemaphore extends Semaphore {
    private static final long serialVersionUID = 1L;
    private transient JvmRuntime rt;
    private transient WaitQueue permits;

    public ModelSemaphore(int permits) {
        super(permits);
    }

    public ModelSemaphore(int permits, boolean fair) {
        super(permits, fair);
    }

    private WaitQueue state(JvmRuntime r) {
        if (rt != r) {
            rt = r;
            permits = r.prims.counter(r.lockName(this), super.availablePermits(), "permits");
        }
        return permits;
    }

    private boolean take(int n, long nanos, JvmPrimitives.Interrupts interrupts) throws InterruptedException {
        if (n < 0) {
            throw new IllegalArgumentException();
        }
        JvmRuntime r = JvmRuntime.active();
        TaskCtx me = RtThreads.me(r);
        if (me == null) {
            return nanos < 0 ? superAcquire(n, interrupts) : super.tryAcquire(n, nanos, TimeUnit.NANOSECONDS);
        }
        return r.prims.acquire(me, state(r), p -> p >= n, p -> p - n, nanos, interrupts, CallerSite.of(r));
    }

    private boolean superAcquire(int n, JvmPrimitives.Interrupts interrupts) throws InterruptedException {
        if (interrupts == JvmPrimitives.Interrupts.THROW) {
            super.acquire(n);
        } else {
            super.acquireUninterruptibly(n);
        }
        return true;
    }

    @Override
    public void acquire() throws InterruptedException {
        take(1, -1, JvmPrimitives.Interrupts.THROW);
    }

    @Override
    public void acquire(int n) throws InterruptedException {
        take(n, -1, JvmPrimitives.Interrupts.THROW);
    }

    @Override
    public void acquireUninterruptibly() {
        acquireUninterruptibly(1);
    }

    @Override
    public void acquireUninterruptibly(int n) {
        try {
            take(n, -1, JvmPrimitives.Interrupts.IGNORE);
        } catch (InterruptedException e) {
            throw new IllegalStateException("an uninterruptible acquire does not throw", e);
        }
    }

    @Override
    public boolean tryAcquire() {
        return tryAcquire(1);
    }

    @Override
    public boolean tryAcquire(int n) {
        try {
            return take(n, 0, JvmPrimitives.Interrupts.IGNORE);
        } catch (InterruptedException e) {
            throw new IllegalStateException("tryAcquire does not wait", e);
        }
    }

    @Override
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        return take(1, Math.max(0, unit.toNanos(timeout)), JvmPrimitives.Interrupts.THROW);
    }

    @Override
    public boolean tryAcquire(int n, long timeout, TimeUnit unit) throws InterruptedException {
        return take(n, Math.max(0, unit.toNanos(timeout)), JvmPrimitives.Interrupts.THROW);
    }

    @Override
    public void release() {
        release(1);
    }

    @Override
    public void release(int n) {
        if (n < 0) {
            throw new IllegalArgumentException();
        }
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            super.release(n);
            return;
        }
        r.prims.release(state(r), p -> p + n, p -> true, CallerSite.of(r));
    }

    @Override
    public int availablePermits() {
        JvmRuntime r = JvmRuntime.active();
        return RtThreads.me(r) == null ? super.availablePermits() : (int) r.prims.read(state(r), CallerSite.of(r));
    }

    @Override
    public int drainPermits() {
        JvmRuntime r = JvmRuntime.active();
        return RtThreads.me(r) == null ? super.drainPermits() : (int) r.prims.release(state(r), p -> 0, p -> false, CallerSite.of(r));
    }

    @Override
    public String toString() {
        return "Semaphore[Permits = " + (permits == null ? super.availablePermits() : permits.peek()) + "]";
    }
}
