package dev.whylock.jvm.rt;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What {@code new ReentrantLock()} creates in rewritten code: the lock and its conditions run on
 * the engine while an execution controls the caller, and as the JDK's ReentrantLock otherwise.
 * Fairness is not modelled: any waiter may get the lock, which covers the fair orders too.
 */
public class ModelReentrantLock extends ReentrantLock {
    private static final long serialVersionUID = 1L;

    public ModelReentrantLock() {
        super();
    }

    public ModelReentrantLock(boolean fair) {
        super(fair);
    }

    @Override
    public void lock() {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = RtThreads.me(rt);
        if (me == null) {
            super.lock();
            return;
        }
        rt.prims.lock(me, this, CallerSite.of(rt));
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = RtThreads.me(rt);
        if (me == null) {
            super.lockInterruptibly();
            return;
        }
        String site = CallerSite.of(rt);
        if (rt.prims.interrupted(me, true, site)) {
            throw new InterruptedException();
        }
        rt.prims.lock(me, this, site);
    }

    @Override
    public boolean tryLock() {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = RtThreads.me(rt);
        if (me == null) {
            return super.tryLock();
        }
        try {
            return rt.prims.tryLock(me, this, -1, CallerSite.of(rt));
        } catch (InterruptedException e) {
            throw new IllegalStateException("an untimed tryLock does not wait", e);
        }
    }

    @Override
    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = RtThreads.me(rt);
        if (me == null) {
            return super.tryLock(timeout, unit);
        }
        return rt.prims.tryLock(me, this, Math.max(0, unit.toNanos(timeout)), CallerSite.of(rt));
    }

    @Override
    public void unlock() {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = RtThreads.me(rt);
        if (me == null || !rt.holding(me, this) && super.isHeldByCurrentThread()) {
            super.unlock();
            return;
        }
        rt.prims.unlock(me, this, CallerSite.of(rt));
    }

    @Override
    public Condition newCondition() {
        return new ModelCondition(this, false, super.newCondition());
    }

    @Override
    public boolean isLocked() {
        JvmRuntime rt = JvmRuntime.active();
        return RtThreads.me(rt) == null ? super.isLocked() : rt.prims.isLocked(this, CallerSite.of(rt));
    }

    @Override
    public boolean isHeldByCurrentThread() {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx cur = rt == null ? null : rt.current();
        return cur == null ? super.isHeldByCurrentThread() : rt.holding(cur, this);
    }

    @Override
    public int getHoldCount() {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx cur = rt == null ? null : rt.current();
        return cur == null ? super.getHoldCount() : rt.prims.holdCount(cur, this);
    }

    @Override
    public String toString() {
        return "ReentrantLock@" + Integer.toHexString(RtSystem.identityHashCode(this, 0));
    }
}
