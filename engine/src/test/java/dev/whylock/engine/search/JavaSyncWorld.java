package dev.whylock.engine.search;

import dev.whylock.engine.Barrier;
import dev.whylock.engine.Condition;
import dev.whylock.engine.Env;
import dev.whylock.engine.Field;
import dev.whylock.engine.Latch;
import dev.whylock.engine.Monitor;
import dev.whylock.engine.ReadWriteLock;
import dev.whylock.engine.Semaphore;
import dev.whylock.engine.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;

/**
 * The Java synchronisation objects of one random program ({@link RandomPrograms}) and what each of
 * their actions does: a monitor with a second condition, a read-write lock, a semaphore, a latch,
 * a barrier of two, and the tasks' handles for park/unpark, interrupt and join. Waiters publish
 * nothing themselves but read after waking; signallers write the flag (x1) before signalling, so
 * the order of a wake-up and a write is observable. InterruptedException and the barrier's
 * exceptions are caught: the operation's result already shows how it ended.
 */
final class JavaSyncWorld {
    final Env env;
    final Monitor m;
    final Condition c;
    final ReadWriteLock rw;
    final Semaphore sem;
    final Latch latch;
    final Barrier barrier;
    /** Main's handle first, then each spawned task's, in spawning order. */
    final List<Task> handles = new ArrayList<>();

    JavaSyncWorld(Env env, int spurious) {
        this.env = env;
        m = env.monitor("M");
        m.waitSet().spuriousWakeups(spurious);
        c = m.newCondition("M.c").spuriousWakeups(spurious);
        rw = env.readWriteLock("RW");
        sem = env.semaphore("S", 1);
        latch = env.latch("L", 1);
        barrier = env.barrier("B", 2);
        handles.add(env.currentTask());
    }

    private Task target(int b) {
        return handles.get(b % handles.size());
    }

    /** Performs one Java action on data field {@code f} with flag {@code flag}; {@code b} selects a task, delay or value. */
    void run(RandomPrograms.Kind kind, Field<Integer> f, Field<Integer> flag, int b) {
        long delay = 10L * (1 + b);
        try {
            switch (kind) {
                case M_INC -> {
                    m.lock("m-inc");
                    f.set(f.get("m-inc-read") + 1, "m-inc-write");
                    m.unlock("m-inc");
                }
                case M_WAIT -> {
                    m.lock("m-wait");
                    try {
                        while (flag.get("m-wait-check") == 0) {
                            m.await("m-wait");
                        }
                    } finally {
                        f.get("after-m-wait");
                        m.unlock("m-wait");
                    }
                }
                case M_WAIT_IF -> {
                    m.lock("m-wait-if");
                    try {
                        if (flag.get("m-wait-if-check") == 0) {
                            m.await("m-wait-if");
                        }
                    } finally {
                        f.get("after-m-wait-if");
                        m.unlock("m-wait-if");
                    }
                }
                case M_WAIT_TIMED -> {
                    m.lock("m-wait-timed");
                    try {
                        m.await(delay, "m-wait-timed");
                    } finally {
                        f.get("after-m-wait-timed");
                        m.unlock("m-wait-timed");
                    }
                }
                case M_NOTIFY, M_NOTIFY_ALL -> {
                    m.lock("m-notify");
                    flag.set(1, "m-notify-flag");
                    if (kind == RandomPrograms.Kind.M_NOTIFY) {
                        m.signal("m-notify");
                    } else {
                        m.signalAll("m-notify-all");
                    }
                    m.unlock("m-notify");
                }
                case M_REENTER -> {
                    m.lock("m-outer");
                    m.lock("m-inner");
                    f.set(b + 1, "m-reenter-write");
                    m.unlock("m-inner");
                    m.unlock("m-outer");
                }
                case M_TRY -> {
                    if (m.tryLock("m-try")) {
                        f.set(8, "m-try-write");
                        m.unlock("m-try");
                    }
                }
                case M_TRY_TIMED -> {
                    if (m.tryLock(delay, "m-try-timed")) {
                        f.set(8, "m-try-timed-write");
                        m.unlock("m-try-timed");
                    }
                }
                case M_IS_LOCKED -> m.isLocked("m-is-locked");
                case C_AWAIT -> {
                    m.lock("c-await");
                    try {
                        c.await("c-await");
                    } finally {
                        f.get("after-c-await");
                        m.unlock("c-await");
                    }
                }
                case C_SIGNAL -> {
                    m.lock("c-signal");
                    flag.set(2, "c-signal-flag");
                    c.signal("c-signal");
                    m.unlock("c-signal");
                }
                case PARK -> {
                    env.park("park");
                    f.get("after-park");
                }
                case PARK_TIMED -> {
                    env.park(delay, "park-timed");
                    f.get("after-park-timed");
                }
                case UNPARK -> env.unpark(target(b), "unpark");
                case INTERRUPT -> env.interrupt(target(b), "interrupt");
                case INTERRUPTED -> env.interrupted("interrupted");
                case IS_INTERRUPTED -> env.isInterrupted(target(b), "is-interrupted");
                case SLEEP -> {
                    try {
                        env.sleepInterruptibly(delay, "sleep");
                    } finally {
                        f.get("after-sleep");
                    }
                }
                case JOIN_TIMED -> {
                    try {
                        env.join(target(b), delay, "join-timed");
                    } finally {
                        f.get("after-join-timed");
                    }
                }
                case SEM_ACQUIRE -> {
                    sem.acquire("sem-acquire");
                    f.get("after-sem-acquire");
                }
                case SEM_TRY -> sem.tryAcquire("sem-try");
                case SEM_TRY_TIMED -> {
                    try {
                        sem.tryAcquire(1, delay, "sem-try-timed");
                    } finally {
                        f.get("after-sem-try-timed");
                    }
                }
                case SEM_RELEASE -> sem.release("sem-release");
                case LATCH_DOWN -> latch.countDown("latch-down");
                case LATCH_AWAIT -> {
                    try {
                        latch.await("latch-await");
                    } finally {
                        f.get("after-latch-await");
                    }
                }
                case LATCH_AWAIT_TIMED -> {
                    try {
                        latch.await(delay, "latch-await-timed");
                    } finally {
                        f.get("after-latch-await-timed");
                    }
                }
                case BARRIER -> {
                    try {
                        barrier.await("barrier");
                    } finally {
                        f.get("after-barrier");
                    }
                }
                case BARRIER_TIMED -> {
                    try {
                        barrier.await(delay, "barrier-timed");
                    } finally {
                        f.get("after-barrier-timed");
                    }
                }
                case RW_READ -> {
                    rw.lockRead("rw-read");
                    f.get("rw-read-value");
                    rw.unlockRead("rw-read");
                }
                case RW_WRITE -> {
                    rw.lockWrite("rw-write");
                    f.set(f.get("rw-write-read") + 1, "rw-write-value");
                    rw.unlockWrite("rw-write");
                }
                case RW_DOWNGRADE -> {
                    rw.lockWrite("rw-downgrade");
                    f.set(6, "rw-downgrade-write");
                    rw.lockRead("rw-downgrade");
                    rw.unlockWrite("rw-downgrade");
                    f.get("rw-downgrade-read");
                    rw.unlockRead("rw-downgrade");
                }
                case RW_TRY_READ -> {
                    if (rw.tryLockRead("rw-try-read")) {
                        f.get("rw-try-read-value");
                        rw.unlockRead("rw-try-read");
                    }
                }
                case RW_TRY_WRITE -> {
                    if (rw.tryLockWrite("rw-try-write")) {
                        f.set(4, "rw-try-write-value");
                        rw.unlockWrite("rw-try-write");
                    }
                }
                case RW_IS_WRITE_LOCKED -> rw.isWriteLocked("rw-is-write-locked");
                case RW_READ_TIMED -> {
                    if (rw.tryLockRead(delay, "rw-read-timed")) {
                        f.get("rw-read-timed-value");
                        rw.unlockRead("rw-read-timed");
                    }
                }
                case RW_WRITE_TIMED -> {
                    if (rw.tryLockWrite(delay, "rw-write-timed")) {
                        f.set(f.get("rw-write-timed-read") + 1, "rw-write-timed-value");
                        rw.unlockWrite("rw-write-timed");
                    }
                }
                case RW_WRITE_INTERRUPTIBLY -> {
                    rw.lockWriteInterruptibly("rw-write-interruptibly");
                    f.set(5, "rw-write-interruptibly-value");
                    rw.unlockWrite("rw-write-interruptibly");
                }
                default -> throw new IllegalArgumentException("not a Java action: " + kind);
            }
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            // Shown by the operation's result; the action just ends.
        }
    }
}
