package dev.whylock.engine;

import java.util.function.Supplier;

/**
 * The runtime a program is written against: tasks, named locks, tracked fields, work items,
 * timers, completions and checks.
 *
 * <p>Every method that touches state shared between tasks is a <em>visible operation</em>: the
 * calling task yields to the scheduler before it, so the explorer can interleave it with other
 * tasks. Code between two visible operations runs without interruption.
 */
public interface Env {

    /** The environment of the execution running on this thread. */
    static Env current() {
        return Runtimes.current();
    }

    /** A new non-recursive mutex of the given lockdep-style class, such as {@code rtnl_mutex}. */
    Mutex mutex(String lockClass);

    /** A new tracked global (ownerless) field. */
    <T> Field<T> field(String name, T initial);

    /** A new tracked field of a tracked object; accessing it after the owner is freed is a use-after-free. */
    <T> Field<T> field(Obj owner, String name, T initial);

    /** Registers a new tracked object; called by {@link Obj}'s constructor. */
    int register(Obj obj);

    /** Frees a tracked object: later accesses to its fields are use-after-free (visible operation). */
    void free(Obj obj, String site);

    /**
     * Dereferences a tracked pointer: NULL is a NULL-pointer dereference, a freed object a
     * use-after-free. Returns the pointer for chaining.
     */
    <T extends Obj> T deref(T pointer, String what);

    /** Starts a new task running {@code body}. */
    Task spawn(String name, Runnable body);

    /** Waits until {@code task} has finished. */
    void join(Task task);

    /** A new completion (kernel {@code struct completion}). */
    Completion completion(String name);

    /** A new work item (work_struct, delayed_work, timer_list or threaded IRQ) running {@code fn}. */
    Work work(String name, Runnable fn);

    /** Lets pending work items and timers run, in deadline order, until none is pending or running. */
    void settle();

    /** WARN_ON: records a warning when {@code condition} holds and continues. */
    boolean warnOn(boolean condition, String message);

    /** BUG_ON: stops the execution with a violation when {@code condition} holds. */
    void bugOn(boolean condition, String message);

    /** Stops the execution with a violation of the given kind. */
    void fail(ViolationKind kind, String message);

    /**
     * Registers an invariant checked whenever the program is quiescent (no work pending or running)
     * and at the end of every execution. The check returns {@code null} when it holds, otherwise a
     * message. It must read state with {@link Field#peek()} only.
     */
    void invariant(String name, Supplier<String> check);

    /** A nondeterministic choice in {@code [0, n)}, recorded and explored like a scheduling choice. */
    int choose(String label, int n);

    /**
     * Virtual time in milliseconds (visible operation). Untimed and ordered: the largest deadline of
     * the timers that have started. Timed: advanced only by declared durations (timer delays, sleeps).
     */
    long now();

    /** The name of the running task. */
    String taskName();

    // ---------------------------------------------------------------- Java synchronisation

    /** A new reentrant lock with wait sets: a Java monitor or a {@code ReentrantLock}. */
    Monitor monitor(String lockClass);

    /** A new {@code ReentrantReadWriteLock}. */
    ReadWriteLock readWriteLock(String lockClass);

    /** A new counting semaphore with {@code permits} permits. */
    Semaphore semaphore(String name, int permits);

    /** A new {@code CountDownLatch} counting down from {@code count}. */
    Latch latch(String name, int count);

    /** A new {@code CyclicBarrier} for {@code parties} tasks. */
    Barrier barrier(String name, int parties);

    /** The running task's handle ({@code Thread.currentThread()}). */
    Task currentTask();

    /**
     * {@code Thread.join()} / {@code join(ms)}: waits until {@code task} has finished, is interrupted,
     * or (for {@code timeoutMillis >= 0}) the timeout expires on virtual time; returns whether it finished.
     */
    boolean join(Task task, long timeoutMillis, String site) throws InterruptedException;

    /**
     * msleep / usleep_range (visible operation in the timed mode): the task waits until {@code millis}
     * of virtual time have passed; in the other modes a sleep may end at any later point, which every
     * later step already is, so it is no step at all. Kernel sleeps are not interruptible.
     */
    void sleep(long millis, String site);

    /**
     * {@code Thread.sleep} (visible operation): waits until its timeout expires, or throws when
     * interrupted. The timeout is a timer of the task, governed by the timing mode like every timer:
     * timed, it expires once {@code millis} of virtual time have passed; ordered, when no armed timer
     * has an earlier deadline; untimed, at any later step.
     */
    void sleepInterruptibly(long millis, String site) throws InterruptedException;

    /** {@code LockSupport.park()}: waits for the task's permit (consuming it), or returns when interrupted. */
    void park(String site);

    /** {@code LockSupport.parkNanos}: as {@link #park(String)}, also returning when the timeout expires. */
    void park(long timeoutMillis, String site);

    /** {@code LockSupport.unpark(thread)}: makes {@code task}'s permit available. */
    void unpark(Task task, String site);

    /** {@code thread.interrupt()}: sets the flag and ends the task's interruptible wait, if any. */
    void interrupt(Task task, String site);

    /** {@code Thread.interrupted()}: returns the running task's flag and clears it. */
    boolean interrupted(String site);

    /** {@code thread.isInterrupted()}. */
    boolean isInterrupted(Task task, String site);
}
