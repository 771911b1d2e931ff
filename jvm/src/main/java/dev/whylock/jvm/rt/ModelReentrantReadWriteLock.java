package dev.whylock.jvm.rt;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What {@code new ReentrantReadWriteLock()} creates in rewritten code: its read and write locks
 * run on the engine's read-write lock while an execution controls the caller (many readers or one
 * writer, both reentrant, downgrading allowed, no upgrade), and as the JDK's lock otherwise.
 * Fairness is not modelled: any waiter may get the lock, which covers the fair orders too. What
 * the model cannot answer without an operation of its own (the number of read holds of all threads,
 * the queue, a write lock's Condition) stops the execution as "not controlled", by name.
 */
public class ModelReentrantReadWriteLock extends ReentrantReadWriteLock {
    private static final long serialVersionUID = 1L;

    private final ModelReadLock reader;
    private final ModelWriteLock writer;

    public ModelReentrantReadWriteLock() {
        this(false);
    }

    public ModelReentrantReadWriteLock(boolean fair) {
        super(fair);
        reader = new ModelReadLock(this);
        writer = new ModelWriteLock(this);
    }

    @Override
    public ReentrantReadWriteLock.ReadLock readLock() {
        return reader;
    }

    @Override
    public ReentrantReadWriteLock.WriteLock writeLock() {
        return writer;
    }

    @Override
    public boolean isWriteLocked() {
        JvmRuntime rt = JvmRuntime.active();
        return RtThreads.me(rt) == null ? super.isWriteLocked() : rt.prims.isWriteLocked(this, CallerSite.of(rt));
    }

    @Override
    public boolean isWriteLockedByCurrentThread() {
        TaskCtx cur = current();
        return cur == null ? super.isWriteLockedByCurrentThread() : JvmRuntime.active().prims.rwHolds(cur, this, true) > 0;
    }

    @Override
    public int getWriteHoldCount() {
        TaskCtx cur = current();
        return cur == null ? super.getWriteHoldCount() : JvmRuntime.active().prims.rwHolds(cur, this, true);
    }

    @Override
    public int getReadHoldCount() {
        TaskCtx cur = current();
        return cur == null ? super.getReadHoldCount() : JvmRuntime.active().prims.rwHolds(cur, this, false);
    }

    @Override
    public int getReadLockCount() {
        refuse("getReadLockCount");
        return super.getReadLockCount();
    }

    @Override
    public boolean hasWaiters(Condition condition) {
        refuse("hasWaiters");
        return super.hasWaiters(condition);
    }

    @Override
    public int getWaitQueueLength(Condition condition) {
        refuse("getWaitQueueLength");
        return super.getWaitQueueLength(condition);
    }

    @Override
    public String toString() {
        return "ReentrantReadWriteLock@" + Integer.toHexString(RtSystem.identityHashCode(this, 0));
    }

    /** The caller's task, whether or not it may perform operations now (holds are local), else null. */
    private static TaskCtx current() {
        JvmRuntime rt = JvmRuntime.active();
        return rt == null ? null : rt.current();
    }

    /** Inside an execution, a call the model does not answer stops the task, named. */
    static void refuse(String method) {
        NotControlled.stopAt("java.util.concurrent.locks.ReentrantReadWriteLock." + method);
    }

    static void lock(ReentrantReadWriteLock rw, boolean write, Runnable real) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = RtThreads.me(rt);
        if (me == null) {
            real.run();
            return;
        }
        rt.prims.rwLock(me, rw, write, CallerSite.of(rt));
    }

    /** lockInterruptibly: true when it ran under the engine, false when the caller must take the real lock. */
    static boolean lockInterruptibly(ReentrantReadWriteLock rw, boolean write) throws InterruptedException {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = RtThreads.me(rt);
        if (me == null) {
            return false;
        }
        rt.prims.rwLockInterruptibly(me, rw, write, CallerSite.of(rt));
        return true;
    }

    /** tryLock; null when the caller must use the real lock. */
    static Boolean tryLock(ReentrantReadWriteLock rw, boolean write, long timeoutNanos) throws InterruptedException {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = RtThreads.me(rt);
        if (me == null) {
            return null;
        }
        return rt.prims.rwTryLock(me, rw, write, timeoutNanos, CallerSite.of(rt));
    }

    /** unlock: true when it ran under the engine. */
    static boolean unlock(ReentrantReadWriteLock rw, boolean write) {
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = RtThreads.me(rt);
        if (me == null || rt.prims.rwHolds(me, rw, write) == 0 && realHolds(rw, write)) {
            return false; // taken outside the execution's control (a static initialiser): release the real lock
        }
        rt.prims.rwUnlock(me, rw, write, CallerSite.of(rt));
        return true;
    }

    private static boolean realHolds(ReentrantReadWriteLock rw, boolean write) {
        ModelReentrantReadWriteLock m = (ModelReentrantReadWriteLock) rw;
        return write ? m.superWriteHolds() > 0 : m.superReadHolds() > 0;
    }

    private int superWriteHolds() {
        return super.getWriteHoldCount();
    }

    private int superReadHolds() {
        return super.getReadHoldCount();
    }

    /** {@code readLock()} of a modelled lock. */
    static final class ModelReadLock extends ReentrantReadWriteLock.ReadLock {
        private static final long serialVersionUID = 1L;
        private final ModelReentrantReadWriteLock rw;

        ModelReadLock(ModelReentrantReadWriteLock rw) {
            super(rw);
            this.rw = rw;
        }

        @Override
        public void lock() {
            ModelReentrantReadWriteLock.lock(rw, false, super::lock);
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            if (!ModelReentrantReadWriteLock.lockInterruptibly(rw, false)) {
                super.lockInterruptibly();
            }
        }

        @Override
        public boolean tryLock() {
            try {
                Boolean r = ModelReentrantReadWriteLock.tryLock(rw, false, -1);
                return r == null ? super.tryLock() : r;
            } catch (InterruptedException e) {
                throw new IllegalStateException("an untimed tryLock does not wait", e);
            }
        }

        @Override
        public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
            Boolean r = ModelReentrantReadWriteLock.tryLock(rw, false, Math.max(0, unit.toNanos(timeout)));
            return r == null ? super.tryLock(timeout, unit) : r;
        }

        @Override
        public void unlock() {
            if (!ModelReentrantReadWriteLock.unlock(rw, false)) {
                super.unlock();
            }
        }

        @Override
        public String toString() {
            return rw + ".readLock()";
        }
    }

    /** {@code writeLock()} of a modelled lock. */
    static final class ModelWriteLock extends ReentrantReadWriteLock.WriteLock {
        private static final long serialVersionUID = 1L;
        private final ModelReentrantReadWriteLock rw;

        ModelWriteLock(ModelReentrantReadWriteLock rw) {
            super(rw);
            this.rw = rw;
        }

        @Override
        public void lock() {
            ModelReentrantReadWriteLock.lock(rw, true, super::lock);
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            if (!ModelReentrantReadWriteLock.lockInterruptibly(rw, true)) {
                super.lockInterruptibly();
            }
        }

        @Override
        public boolean tryLock() {
            try {
                Boolean r = ModelReentrantReadWriteLock.tryLock(rw, true, -1);
                return r == null ? super.tryLock() : r;
            } catch (InterruptedException e) {
                throw new IllegalStateException("an untimed tryLock does not wait", e);
            }
        }

        @Override
        public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
            Boolean r = ModelReentrantReadWriteLock.tryLock(rw, true, Math.max(0, unit.toNanos(timeout)));
            return r == null ? super.tryLock(timeout, unit) : r;
        }

        @Override
        public void unlock() {
            if (!ModelReentrantReadWriteLock.unlock(rw, true)) {
                super.unlock();
            }
        }

        @Override
        public Condition newCondition() {
            return new ModelCondition(rw, true, super.newCondition());
        }

        @Override
        public boolean isHeldByCurrentThread() {
            return rw.isWriteLockedByCurrentThread();
        }

        @Override
        public int getHoldCount() {
            return rw.getWriteHoldCount();
        }

        @Override
        public String toString() {
            return rw + ".writeLock()";
        }
    }
}
