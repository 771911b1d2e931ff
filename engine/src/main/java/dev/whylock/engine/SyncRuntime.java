package dev.whylock.engine;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;

/**
 * The engine-internal side of the Java synchronisation objects ({@link Monitor}, {@link Condition},
 * {@link Semaphore}, {@link Latch}, {@link Barrier}, {@link ReadWriteLock}): the operations they
 * delegate to. Programs use those objects, not this. A negative timeout means none.
 */
public interface SyncRuntime {

    void lock(Monitor m, String site);

    boolean tryLock(Monitor m, long timeoutMillis, String site) throws InterruptedException;

    void unlock(Monitor m, String site);

    boolean isLocked(Monitor m, String site);

    /** How often the calling task holds {@code m} (0: not at all); local, not a visible operation. */
    int holdCount(Monitor m);

    Condition newCondition(Monitor m, String name);

    boolean await(Condition c, long timeoutMillis, String site) throws InterruptedException;

    void signal(Condition c, boolean all, String site);

    boolean acquire(Semaphore s, int permits, long timeoutMillis, String site) throws InterruptedException;

    boolean tryAcquire(Semaphore s, int permits, String site);

    void release(Semaphore s, int permits, String site);

    int availablePermits(Semaphore s, String site);

    void countDown(Latch l, String site);

    boolean await(Latch l, long timeoutMillis, String site) throws InterruptedException;

    long count(Latch l, String site);

    int await(Barrier b, long timeoutMillis, String site) throws InterruptedException, BrokenBarrierException, TimeoutException;

    boolean isBroken(Barrier b, String site);

    int waiting(Barrier b, String site);

    void lockRead(ReadWriteLock rw, String site);

    boolean tryLockRead(ReadWriteLock rw, String site);

    void unlockRead(ReadWriteLock rw, String site);

    void lockWrite(ReadWriteLock rw, String site);

    boolean tryLockWrite(ReadWriteLock rw, String site);

    void unlockWrite(ReadWriteLock rw, String site);

    boolean isWriteLocked(ReadWriteLock rw, String site);

    /**
     * The read ({@code write} false) or write lock, waiting up to {@code timeoutMillis} (negative: without
     * a timeout) and ending the wait with InterruptedException when the task is interrupted; false on timeout.
     */
    boolean lockInterruptibly(ReadWriteLock rw, boolean write, long timeoutMillis, String site) throws InterruptedException;
}
