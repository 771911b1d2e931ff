package dev.whylock.jvm.rt;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;

/**
 * What {@code new StampedLock()} creates in rewritten code: its state is one number on the engine
 * (a {@link WaitQueue}), laid out as the JDK lays it out (reader count in the low 7 bits, the write
 * bit, a version above), so stamps mean what they mean in the JDK and its static
 * {@code isWriteLockStamp}-style methods read them correctly. Every acquisition, release,
 * conversion, optimistic read and validation is one atomic operation on that number; a waiting
 * acquirer waits in the queue until a release wakes it, then tries again. Like the JDK's, the lock
 * is not reentrant (a second writeLock by the writer waits forever) and not owned (any thread may
 * release a stamp). The Lock views ({@code asReadLock} ...) are not modelled.
 */
public class ModelStampedLock extends StampedLock {
    private static final long serialVersionUID = 1L;

    static final long WBIT = 1L << 7;
    static final long RBITS = WBIT - 1;
    static final long RFULL = RBITS - 1;
    static final long ABITS = RBITS | WBIT;
    static final long SBITS = ~RBITS;
    static final long ORIGIN = WBIT << 1;

    private transient JvmRuntime rt;
    private transient WaitQueue state;

    public ModelStampedLock() {
        super();
    }

    private WaitQueue state(JvmRuntime r) {
        if (rt != r) {
            rt = r;
            state = r.prims.counter(r.lockName(this), ORIGIN, ModelStampedLock::show);
        }
        return state;
    }

    /** The state as traces show it. */
    static String show(long s) {
        return ((s & WBIT) != 0L ? "write-locked" : (s & RBITS) != 0L ? "read-locked by " + (s & RBITS) : "unlocked")
                + ", version " + (s >>> 8);
    }

    /** The state after a write release: the write bit carries into the version. */
    static long unlockWriteState(long s) {
        long n = s + WBIT;
        return n == 0L ? ORIGIN : n;
    }

    /**
     * Waits (per {@code interrupts}, up to {@code nanos}; 0: not at all) until {@code ready} holds,
     * then applies {@code take}; returns the new state, or 0 when it did not get there.
     */
    private long acquire(JvmRuntime r, TaskCtx me, LongPredicate ready, LongUnaryOperator take, long nanos,
            JvmPrimitives.Interrupts interrupts) throws InterruptedException {
        long[] next = new long[1];
        boolean ok = r.prims.acquire(me, state(r), ready, v -> next[0] = take.applyAsLong(v), nanos, interrupts, CallerSite.of(r));
        return ok ? next[0] : 0L;
    }

    private static boolean writable(long s) {
        return (s & ABITS) == 0L;
    }

    private static boolean readable(long s) {
        return (s & WBIT) == 0L && (s & RBITS) < RFULL;
    }

    /**
     * Takes the write or the read lock on the engine when the caller is controlled (waiting per
     * {@code interrupts}, up to {@code nanos}; 0: not at all), else through the JDK's {@code real}.
     */
    private long take(boolean write, long nanos, JvmPrimitives.Interrupts interrupts, Blocking real) throws InterruptedException {
        JvmRuntime r = JvmRuntime.active();
        TaskCtx me = RtThreads.me(r);
        if (me == null) {
            return real.run();
        }
        return write ? acquire(r, me, ModelStampedLock::writable, s -> s + WBIT, nanos, interrupts)
                : acquire(r, me, ModelStampedLock::readable, s -> s + 1, nanos, interrupts);
    }

    /** {@link #take} without interrupts: the untimed and the try forms. */
    private long take(boolean write, long nanos, java.util.function.LongSupplier real) {
        try {
            return take(write, nanos, JvmPrimitives.Interrupts.IGNORE, real::getAsLong);
        } catch (InterruptedException e) {
            throw new IllegalStateException("an uninterruptible wait was interrupted", e);
        }
    }

    private interface Blocking {
        long run() throws InterruptedException;
    }

    @Override
    public long writeLock() {
        return take(true, -1, super::writeLock);
    }

    @Override
    public long tryWriteLock() {
        return take(true, 0, super::tryWriteLock);
    }

    @Override
    public long tryWriteLock(long time, TimeUnit unit) throws InterruptedException {
        return take(true, Math.max(0, unit.toNanos(time)), JvmPrimitives.Interrupts.THROW, () -> super.tryWriteLock(time, unit));
    }

    @Override
    public long writeLockInterruptibly() throws InterruptedException {
        return take(true, -1, JvmPrimitives.Interrupts.THROW, super::writeLockInterruptibly);
    }

    @Override
    public long readLock() {
        return take(false, -1, super::readLock);
    }

    @Override
    public long tryReadLock() {
        return take(false, 0, super::tryReadLock);
    }

    @Override
    public long tryReadLock(long time, TimeUnit unit) throws InterruptedException {
        return take(false, Math.max(0, unit.toNanos(time)), JvmPrimitives.Interrupts.THROW, () -> super.tryReadLock(time, unit));
    }

    @Override
    public long readLockInterruptibly() throws InterruptedException {
        return take(false, -1, JvmPrimitives.Interrupts.THROW, super::readLockInterruptibly);
    }

    /** The state, as one visible read. */
    private long peekState(JvmRuntime r) {
        return r.prims.read(state(r), CallerSite.of(r));
    }

    @Override
    public long tryOptimisticRead() {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.tryOptimisticRead();
        }
        long s = peekState(r);
        return (s & WBIT) == 0L ? s & SBITS : 0L;
    }

    @Override
    public boolean validate(long stamp) {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.validate(stamp);
        }
        return (stamp & SBITS) == (peekState(r) & SBITS);
    }

    /**
     * One atomic change of the state: when {@code test} holds, {@code change} gives the new state
     * (waking the waiters) and {@code result} what the caller returns; otherwise {@code fail}.
     */
    private long change(JvmRuntime r, LongPredicate test, LongUnaryOperator change, LongUnaryOperator result, long fail) {
        long[] out = {fail};
        r.prims.tryChange(state(r), test, s -> {
            long n = change.applyAsLong(s);
            out[0] = result.applyAsLong(n);
            return n;
        }, CallerSite.of(r));
        return out[0];
    }

    private static IllegalMonitorStateException notHeld(String what, long stamp) {
        return new IllegalMonitorStateException(what + " with stamp " + stamp + ", which does not match the lock's state");
    }

    @Override
    public void unlockWrite(long stamp) {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            super.unlockWrite(stamp);
            return;
        }
        if (change(r, s -> s == stamp && (stamp & WBIT) != 0L, ModelStampedLock::unlockWriteState, n -> 1, 0) == 0) {
            throw notHeld("unlockWrite", stamp);
        }
    }

    private static boolean readHeld(long s, long stamp) {
        return (stamp & RBITS) != 0L && (s & SBITS) == (stamp & SBITS) && (s & RBITS) != 0L;
    }

    @Override
    public void unlockRead(long stamp) {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            super.unlockRead(stamp);
            return;
        }
        if (change(r, s -> readHeld(s, stamp), s -> s - 1, n -> 1, 0) == 0) {
            throw notHeld("unlockRead", stamp);
        }
    }

    @Override
    public void unlock(long stamp) {
        if ((stamp & WBIT) != 0L) {
            unlockWrite(stamp);
        } else {
            unlockRead(stamp);
        }
    }

    @Override
    public long tryConvertToWriteLock(long stamp) {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.tryConvertToWriteLock(stamp);
        }
        long a = stamp & ABITS;
        return change(r, s -> {
            if ((s & SBITS) != (stamp & SBITS)) {
                return false;
            }
            long m = s & ABITS;
            return m == 0L && a == 0L || m == WBIT && a == WBIT || m == 1L && a != 0L && a != WBIT;
        }, s -> (s & ABITS) == WBIT ? s : (s & ABITS) == 0L ? s + WBIT : s - 1 + WBIT, n -> n, 0L);
    }

    @Override
    public long tryConvertToReadLock(long stamp) {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.tryConvertToReadLock(stamp);
        }
        long a = stamp & ABITS;
        return change(r, s -> {
            if ((s & SBITS) != (stamp & SBITS)) {
                return false;
            }
            if (a >= WBIT) {
                return s == stamp;
            }
            return a == 0L ? (s & ABITS) < RFULL : (s & RBITS) != 0L;
        }, s -> a >= WBIT ? unlockWriteState(s) + 1 : a == 0L ? s + 1 : s, n -> a != 0L && a < WBIT ? stamp : n, 0L);
    }

    @Override
    public long tryConvertToOptimisticRead(long stamp) {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.tryConvertToOptimisticRead(stamp);
        }
        long a = stamp & ABITS;
        return change(r, s -> {
            if ((s & SBITS) != (stamp & SBITS)) {
                return false;
            }
            if (a >= WBIT) {
                return s == stamp;
            }
            return a == 0L || (s & RBITS) != 0L;
        }, s -> a >= WBIT ? unlockWriteState(s) : a == 0L ? s : s - 1, n -> n & SBITS, 0L);
    }

    @Override
    public boolean tryUnlockWrite() {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.tryUnlockWrite();
        }
        return change(r, s -> (s & WBIT) != 0L, ModelStampedLock::unlockWriteState, n -> 1, 0) != 0;
    }

    @Override
    public boolean tryUnlockRead() {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.tryUnlockRead();
        }
        return change(r, s -> (s & RBITS) != 0L, s -> s - 1, n -> 1, 0) != 0;
    }

    @Override
    public boolean isWriteLocked() {
        JvmRuntime r = JvmRuntime.active();
        return RtThreads.me(r) == null ? super.isWriteLocked() : (peekState(r) & WBIT) != 0L;
    }

    @Override
    public boolean isReadLocked() {
        JvmRuntime r = JvmRuntime.active();
        return RtThreads.me(r) == null ? super.isReadLocked() : (peekState(r) & RBITS) != 0L;
    }

    @Override
    public int getReadLockCount() {
        JvmRuntime r = JvmRuntime.active();
        return RtThreads.me(r) == null ? super.getReadLockCount() : (int) (peekState(r) & RBITS);
    }

    @Override
    public Lock asReadLock() {
        refuse("asReadLock");
        return super.asReadLock();
    }

    @Override
    public Lock asWriteLock() {
        refuse("asWriteLock");
        return super.asWriteLock();
    }

    @Override
    public ReadWriteLock asReadWriteLock() {
        refuse("asReadWriteLock");
        return super.asReadWriteLock();
    }

    private static void refuse(String method) {
        NotControlled.stopAt("java.util.concurrent.locks.StampedLock." + method);
    }

    @Override
    public String toString() {
        return "StampedLock@" + Integer.toHexString(RtSystem.identityHashCode(this, 0));
    }
}
