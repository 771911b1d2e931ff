package dev.whylock.jvm.rt;

import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;

/**
 * The JVM's synchronization in engine operations: the one interface between the Java runtime and
 * the engine's primitives. Locks are identified by their Java object (a monitor or a lock),
 * condition waits by the lock and the condition object ({@code null} for the monitor's own wait
 * set). Timeouts are in nanoseconds of virtual time; {@code -1} waits without one.
 */
interface JvmPrimitives {

    /** How a wait treats an interrupt. */
    enum Interrupts {
        /** Not at all (lock(), awaitUninterruptibly()). */
        IGNORE,
        /** Ends the wait with InterruptedException, clearing the status. */
        THROW,
        /** Ends the wait and keeps the status set (LockSupport.park). */
        RETURN
    }

    // ---------------------------------------------------------------- locks (reentrant)

    void lock(TaskCtx me, Object lock, String site);

    /** Takes the lock if it is free, else waits up to {@code timeoutNanos} for it ({@code -1}: not at all). */
    boolean tryLock(TaskCtx me, Object lock, long timeoutNanos, String site) throws InterruptedException;

    /** Releases one hold; IllegalMonitorStateException when the task holds none. */
    void unlock(TaskCtx me, Object lock, String site);

    boolean isLocked(Object lock, String site);

    int holdCount(TaskCtx me, Object lock);

    // ---------------------------------------------------------------- read-write locks

    /** readLock().lock() ({@code write} false) or writeLock().lock() of the ReentrantReadWriteLock {@code rw}. */
    void rwLock(TaskCtx me, Object rw, boolean write, String site);

    /** lockInterruptibly(): as {@link #rwLock}, but an interrupt (before or while waiting) throws InterruptedException. */
    void rwLockInterruptibly(TaskCtx me, Object rw, boolean write, String site) throws InterruptedException;

    /** tryLock(): takes the lock if it can at once ({@code timeoutNanos} -1), else waits up to the timeout (interruptibly). */
    boolean rwTryLock(TaskCtx me, Object rw, boolean write, long timeoutNanos, String site) throws InterruptedException;

    /** Releases one read or write hold; IllegalMonitorStateException when the task holds none of that mode. */
    void rwUnlock(TaskCtx me, Object rw, boolean write, String site);

    boolean isWriteLocked(Object rw, String site);

    /**
     * Condition.await of a write lock's condition: releases every write hold, waits for a signal, the
     * timeout or (if interruptible) an interrupt, takes the holds again. Returns false on timeout.
     */
    boolean rwAwait(TaskCtx me, Object rw, Object condition, long timeoutNanos, boolean interruptible, String site)
            throws InterruptedException;

    /** signal / signalAll of a write lock's condition. */
    void rwSignal(TaskCtx me, Object rw, Object condition, boolean all, String site);

    /** The task's own read or write holds (local: only the task changes them). */
    int rwHolds(TaskCtx me, Object rw, boolean write);

    // ---------------------------------------------------------------- condition waits

    /**
     * Object.wait / Condition.await: releases every hold of {@code lock}, waits for a signal, the
     * timeout or (if interruptible) an interrupt, takes the holds again. Returns false on timeout.
     */
    boolean await(TaskCtx me, Object lock, Object condition, long timeoutNanos, boolean interruptible, String site)
            throws InterruptedException;

    /** notify / notifyAll / signal / signalAll. */
    void signal(TaskCtx me, Object lock, Object condition, boolean all, String site);

    // ---------------------------------------------------------------- threads

    void start(TaskCtx child, Runnable body);

    /** Waits for {@code target} to finish, up to the timeout; true when it has. An interrupt ends the wait. */
    boolean join(TaskCtx me, TaskCtx target, long timeoutNanos, String site) throws InterruptedException;

    boolean isAlive(TaskCtx target, String site);

    void sleep(TaskCtx me, long nanos, String site) throws InterruptedException;

    void interrupt(TaskCtx target, String site);

    /** The interrupt status of {@code target}, cleared when {@code clear}. */
    boolean interrupted(TaskCtx target, boolean clear, String site);

    void park(TaskCtx me, long timeoutNanos, String site);

    void unpark(TaskCtx target, String site);

    /** Virtual time in milliseconds. */
    long nowMillis(String site);

    // ---------------------------------------------------------------- counting synchronizers

    /** A counted state tasks wait on: a latch's count, a semaphore's permits, a barrier's arrivals, a future's completion. */
    WaitQueue counter(String name, long initial, String valueName);

    /** A counted state whose number traces show as {@code format} renders it. */
    WaitQueue counter(String name, long initial, java.util.function.LongFunction<String> format);

    /** Waits until {@code ready} holds for the count, then replaces it by {@code take} of it; false on timeout. */
    boolean acquire(TaskCtx me, WaitQueue c, LongPredicate ready, LongUnaryOperator take, long timeoutNanos,
            Interrupts interrupts, String site) throws InterruptedException;

    /** As {@link #acquire}, and the step that takes the count also wakes every waiter (the change may let them on). */
    boolean acquireAndWake(TaskCtx me, WaitQueue c, LongPredicate ready, LongUnaryOperator take, long timeoutNanos,
            Interrupts interrupts, String site) throws InterruptedException;

    /** Replaces the count by {@code give} of it and wakes the waiters when {@code wake} holds for the new count; returns the old count. */
    long release(WaitQueue c, LongUnaryOperator give, LongPredicate wake, String site);

    long read(WaitQueue c, String site);

    /** If {@code test} holds for the count, replaces it by {@code change} of it and wakes every waiter; returns whether it did. */
    boolean tryChange(WaitQueue c, LongPredicate test, LongUnaryOperator change, String site);

    // ---------------------------------------------------------------- one-time events

    /**
     * A one-time event (a future completing): an engine latch of one, so an untimed wait for it
     * never runs before it and waiting early and waiting late are one interleaving, not two.
     */
    dev.whylock.engine.Latch event(String name);

    void fire(dev.whylock.engine.Latch event, String site);

    /** Waits for the event; an interrupt ends the wait with InterruptedException. */
    void awaitEvent(TaskCtx me, dev.whylock.engine.Latch event, String site) throws InterruptedException;

    /** Waits for the event up to the timeout; false when it expired. */
    boolean awaitEvent(TaskCtx me, dev.whylock.engine.Latch event, long timeoutNanos, String site) throws InterruptedException;

    /** A new waiter of task {@code me} for queue {@code q}. */
    Waiter waiter(TaskCtx me, WaitQueue q);

    /** Sleeps until {@code w}, which the caller's last operation put in its queue, is woken; returns why. */
    Waiter.Reason block(TaskCtx me, Waiter w, long timeoutNanos, Interrupts interrupts, String site);
}
