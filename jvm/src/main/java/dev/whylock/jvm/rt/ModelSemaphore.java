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
    private transient dev.whylock.engine.Semaphore permits;

    public ModelSemaphore(int permits) {
        super(permits);
    }

    public ModelSemaphore(int permits, boolean fair) {
        super(permits, fair);
    }

    private dev.whylock.engine.Semaphore state(JvmRuntime r) {
        if (rt != r) {
            rt = r;
            permits = r.env.semaphore(r.lockName(this), super.availablePermits());
        }
        return permits;
    }

    /** Takes {@code n} permits: {@code nanos} negative waits without a timeout, 0 does not wait. */
    private boolean take(int n, long nanos, JvmPrimitives.Interrupts interrupts) throws InterruptedException {
        if (n < 0) {
            throw new IllegalArgumentException();
        }
        JvmRuntime r = JvmRuntime.active();
        TaskCtx me = RtThreads.me(r);
        if (me == null) {
            return nanos < 0 ? superAcquire(n, interrupts) : super.tryAcquire(n, nanos, TimeUnit.NANOSECONDS);
        }
        dev.whylock.engine.Semaphore s = state(r);
        String site = CallerSite.of(r);
        if (nanos == 0) {
            return s.tryAcquire(n, site);
        }
        if (interrupts == JvmPrimitives.Interrupts.THROW) {
            return nanos < 0 ? acquired(s, n, site) : s.tryAcquire(n, EnginePrimitives.millis(nanos), site);
        }
        // acquireUninterruptibly: an interrupt ends the engine's wait, so wait again and keep the status.
        boolean interrupted = false;
        while (true) {
            try {
                s.acquire(n, site);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            r.env.interrupt(me.task, site);
        }
        return true;
    }

    private static boolean acquired(dev.whylock.engine.Semaphore s, int n, String site) throws InterruptedException {
        s.acquire(n, site);
        return true;
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
        state(r).release(n, CallerSite.of(r));
    }

    @Override
    public int availablePermits() {
        JvmRuntime r = JvmRuntime.active();
        return RtThreads.me(r) == null ? super.availablePermits() : state(r).availablePermits(CallerSite.of(r));
    }

    @Override
    public int drainPermits() {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.drainPermits();
        }
        // Not one engine operation: read the permits and take them all, again if another task was faster.
        String site = CallerSite.of(r);
        while (true) {
            int n = state(r).availablePermits(site);
            if (n <= 0 || state(r).tryAcquire(n, site)) {
                return Math.max(0, n);
            }
        }
    }

    @Override
    public String toString() {
        return "Semaphore[" + (permits == null ? "Permits = " + super.availablePermits() : permits.name()) + "]";
    }
}
