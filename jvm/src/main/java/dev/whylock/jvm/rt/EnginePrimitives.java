package dev.whylock.jvm.rt;

import dev.whylock.engine.Condition;
import dev.whylock.engine.Env;
import dev.whylock.engine.Latch;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;

/**
 * {@link JvmPrimitives} on the engine's own Java primitives, so that one implementation carries
 * the dependency judgements for plain Java and for programs written against the engine: a Java
 * lock is an engine {@link dev.whylock.engine.Monitor} (reentrancy, lock experiments, wait sets),
 * {@code Object.wait}/{@code Condition.await} an engine {@link Condition}, sleep, join, park/unpark
 * and interrupts the engine's thread operations, and every timeout a timed wait on the engine's
 * virtual time (whatever the timing mode says). What has no engine primitive of its own — the
 * counted states of {@link WaitQueue} (barriers, futures' timed waits, blocking queues) — waits on
 * an engine latch per wait, which the engine's interrupts and timeouts end like any other wait.
 */
final class EnginePrimitives implements JvmPrimitives {

    private final JvmRuntime rt;
    private final Env env;
    private final Map<Object, Condition> conditions = new IdentityHashMap<>();

    EnginePrimitives(JvmRuntime rt) {
        this.rt = rt;
        this.env = rt.env;
    }

    /** Nanoseconds of a JDK timeout as the engine's milliseconds, rounded up ({@code -1}: no timeout). */
    static long millis(long nanos) {
        return nanos < 0 ? -1 : (nanos + 999_999) / 1_000_000;
    }

    /** The task's interrupt status, set again (an uninterruptible wait that was interrupted keeps it for later). */
    private void reinterrupt(TaskCtx me, String site) {
        env.interrupt(me.task, site);
    }

    // ---------------------------------------------------------------- locks

    @Override
    public void lock(TaskCtx me, Object lock, String site) {
        rt.lock(lock).monitor.lock(site);
    }

    @Override
    public boolean tryLock(TaskCtx me, Object lock, long timeoutNanos, String site) throws InterruptedException {
        JLock l = rt.lock(lock);
        return timeoutNanos < 0 ? l.monitor.tryLock(site) : l.monitor.tryLock(millis(timeoutNanos), site);
    }

    @Override
    public void unlock(TaskCtx me, Object lock, String site) {
        rt.lock(lock).monitor.unlock(site);
    }

    @Override
    public boolean isLocked(Object lock, String site) {
        return rt.lock(lock).monitor.isLocked(site);
    }

    @Override
    public int holdCount(TaskCtx me, Object lock) {
        JLock l = rt.existingLock(lock);
        return l == null ? 0 : l.monitor.holdCount();
    }

    // ---------------------------------------------------------------- read-write locks

    @Override
    public void rwLock(TaskCtx me, Object rw, boolean write, String site) {
        JRwLock l = rt.rwLock(rw);
        if (write) {
            l.lock.lockWrite(site);
        } else {
            l.lock.lockRead(site);
        }
        l.add(me, write, 1);
    }

    @Override
    public void rwLockInterruptibly(TaskCtx me, Object rw, boolean write, String site) throws InterruptedException {
        JRwLock l = rt.rwLock(rw);
        if (write) {
            l.lock.lockWriteInterruptibly(site);
        } else {
            l.lock.lockReadInterruptibly(site);
        }
        l.add(me, write, 1);
    }

    @Override
    public boolean rwTryLock(TaskCtx me, Object rw, boolean write, long timeoutNanos, String site) throws InterruptedException {
        JRwLock l = rt.rwLock(rw);
        boolean taken;
        if (timeoutNanos < 0) {
            taken = write ? l.lock.tryLockWrite(site) : l.lock.tryLockRead(site);
        } else {
            taken = write ? l.lock.tryLockWrite(millis(timeoutNanos), site) : l.lock.tryLockRead(millis(timeoutNanos), site);
        }
        if (taken) {
            l.add(me, write, 1);
        }
        return taken;
    }

    @Override
    public void rwUnlock(TaskCtx me, Object rw, boolean write, String site) {
        JRwLock l = rt.rwLock(rw);
        if (l.holds(me, write) == 0) {
            throw new IllegalMonitorStateException("unlock of the " + (write ? "write" : "read") + " lock of " + l.name + " in " + site
                    + " by " + me.name + ", which does not hold it");
        }
        if (write) {
            l.lock.unlockWrite(site);
        } else {
            l.lock.unlockRead(site);
        }
        l.add(me, write, -1);
    }

    @Override
    public boolean isWriteLocked(Object rw, String site) {
        return rt.rwLock(rw).lock.isWriteLocked(site);
    }

    /**
     * A write lock's condition is composed of engine primitives: a monitor of its own, taken before
     * the write holds are released and given up by the engine's wait itself, so a signaller (who
     * must hold the write lock, and takes the monitor to signal) cannot run between the release
     * and the wait: no wake-up is lost, and the engine's conditions decide who wakes.
     */
    private Condition writeCondition(JRwLock l, Object condition) {
        return conditions.computeIfAbsent(condition, c -> {
            int n = conditions.size() + 1;
            return env.monitor(l.name + "/condition-" + n).newCondition(l.name + " (write-lock condition " + n + ")")
                    .spuriousWakeups(rt.spuriousWakeups);
        });
    }

    private JRwLock writeHeld(TaskCtx me, Object rw, String what, String site) {
        JRwLock l = rt.rwLock(rw);
        if (l.holds(me, true) == 0) {
            throw new IllegalMonitorStateException(what + " of a condition of " + l.name + " in " + site + " by " + me.name
                    + ", which does not hold its write lock");
        }
        return l;
    }

    @Override
    public boolean rwAwait(TaskCtx me, Object rw, Object condition, long timeoutNanos, boolean interruptible, String site)
            throws InterruptedException {
        JRwLock l = writeHeld(me, rw, "await", site);
        Condition c = writeCondition(l, condition);
        c.monitor().lock(site);
        int holds = l.holds(me, true);
        for (int i = 0; i < holds; i++) {
            rwUnlock(me, rw, true, site);
        }
        try {
            return waitOn(me, c, timeoutNanos, interruptible, site);
        } finally {
            c.monitor().unlock(site);
            for (int i = 0; i < holds; i++) {
                rwLock(me, rw, true, site);
            }
        }
    }

    @Override
    public void rwSignal(TaskCtx me, Object rw, Object condition, boolean all, String site) {
        Condition c = writeCondition(writeHeld(me, rw, all ? "signalAll" : "signal", site), condition);
        c.monitor().lock(site);
        if (all) {
            c.signalAll(site);
        } else {
            c.signal(site);
        }
        c.monitor().unlock(site);
    }

    @Override
    public int rwHolds(TaskCtx me, Object rw, boolean write) {
        JRwLock l = rt.existingRwLock(rw);
        return l == null ? 0 : l.holds(me, write);
    }

    // ---------------------------------------------------------------- condition waits

    /** The monitor's own wait set (named after the lock, so a stuck wait reads {@code L.wait()}), or a Condition's. */
    private Condition condition(JLock l, Object condition) {
        if (condition == null) {
            if (l.waitSet == null) {
                l.waitSet = l.monitor.newCondition(l.name).spuriousWakeups(rt.spuriousWakeups);
            }
            return l.waitSet;
        }
        return conditions.computeIfAbsent(condition, c -> l.monitor.newCondition(l.name + " (condition " + (conditions.size() + 1) + ")")
                .spuriousWakeups(rt.spuriousWakeups));
    }

    @Override
    public boolean await(TaskCtx me, Object lock, Object condition, long timeoutNanos, boolean interruptible, String site)
            throws InterruptedException {
        return waitOn(me, condition(rt.lock(lock), condition), timeoutNanos, interruptible, site);
    }

    /** Waits on {@code c}, whose monitor the task holds: see {@link #await}. */
    private boolean waitOn(TaskCtx me, Condition c, long timeoutNanos, boolean interruptible, String site) throws InterruptedException {
        if (interruptible) {
            if (timeoutNanos < 0) {
                c.await(site);
                return true;
            }
            return c.await(millis(timeoutNanos), site);
        }
        // awaitUninterruptibly: an interrupt ends the engine's wait (the monitor is held again), so wait
        // again, and leave the interrupt status set at the end, as the JDK does.
        boolean interrupted = false;
        while (true) {
            try {
                c.await(site);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            reinterrupt(me, site);
        }
        return true;
    }

    @Override
    public void signal(TaskCtx me, Object lock, Object condition, boolean all, String site) {
        Condition c = condition(rt.lock(lock), condition);
        if (all) {
            c.signalAll(site);
        } else {
            c.signal(site);
        }
    }

    // ---------------------------------------------------------------- waiting on a counted state

    @Override
    public Waiter waiter(TaskCtx me, WaitQueue q) {
        return new Waiter(me, env.latch("wake-up of " + me.name + " from " + q.field.name(), 1), q);
    }

    /**
     * Waits until {@code w} (already in its queue) is woken by whoever removes it, or its timeout
     * expires or an interrupt comes (then it takes itself out, unless a waker was first). Returns why.
     */
    @Override
    public Waiter.Reason block(TaskCtx me, Waiter w, long timeoutNanos, Interrupts interrupts, String site) {
        boolean interrupted = false;
        long timeout = millis(timeoutNanos);
        Waiter.Reason out = null;
        while (out == null) {
            try {
                if (awaited(w.wake, timeout, site)) {
                    out = w.reason;
                } else if (w.queue.remove(w, site)) {
                    out = Waiter.Reason.TIMEOUT;
                } else {
                    timeout = -1; // a waker took it out first: its wake-up follows
                }
            } catch (InterruptedException e) {
                if (interrupts != Interrupts.IGNORE && w.queue.remove(w, site)) {
                    out = Waiter.Reason.INTERRUPTED;
                    interrupted = interrupts == Interrupts.RETURN;
                } else {
                    interrupted = true; // ignored, or a waker was first: the wake-up wins, the status stays
                }
            }
        }
        if (interrupted) {
            reinterrupt(me, site);
        }
        return out;
    }

    /** Waits on {@code latch}: without a timeout when {@code timeoutMillis} is negative; false when it expired. */
    private static boolean awaited(Latch latch, long timeoutMillis, String site) throws InterruptedException {
        if (timeoutMillis < 0) {
            latch.await(site);
            return true;
        }
        return latch.await(timeoutMillis, site);
    }

    @Override
    public WaitQueue counter(String name, long initial, String valueName) {
        return new WaitQueue(env, name, initial, valueName);
    }

    @Override
    public WaitQueue counter(String name, long initial, java.util.function.LongFunction<String> format) {
        return new WaitQueue(env, name, initial, format);
    }

    @Override
    public boolean acquire(TaskCtx me, WaitQueue c, LongPredicate ready, LongUnaryOperator take, long timeoutNanos,
            Interrupts interrupts, String site) throws InterruptedException {
        return acquire(me, c, ready, take, timeoutNanos, interrupts, false, site);
    }

    @Override
    public boolean acquireAndWake(TaskCtx me, WaitQueue c, LongPredicate ready, LongUnaryOperator take, long timeoutNanos,
            Interrupts interrupts, String site) throws InterruptedException {
        return acquire(me, c, ready, take, timeoutNanos, interrupts, true, site);
    }

    private boolean acquire(TaskCtx me, WaitQueue c, LongPredicate ready, LongUnaryOperator take, long timeoutNanos,
            Interrupts interrupts, boolean wake, String site) throws InterruptedException {
        if (interrupts == Interrupts.THROW && env.interrupted(site)) {
            throw new InterruptedException();
        }
        while (true) {
            Waiter w = timeoutNanos == 0 ? null : waiter(me, c);
            List<Waiter> woken = wake ? new ArrayList<>() : null;
            if (c.tryOrEnqueue(ready, take, w, woken, site)) {
                if (wake) {
                    WaitQueue.wakeAll(woken, site);
                }
                return true;
            }
            if (w == null) {
                return false;
            }
            Waiter.Reason r = block(me, w, timeoutNanos, interrupts, site);
            if (r == Waiter.Reason.INTERRUPTED) {
                if (interrupts == Interrupts.THROW) {
                    throw new InterruptedException();
                }
                return false;
            }
            if (r == Waiter.Reason.TIMEOUT) {
                List<Waiter> late = wake ? new ArrayList<>() : null;
                boolean taken = c.tryOrEnqueue(ready, take, null, late, site);
                if (taken && wake) {
                    WaitQueue.wakeAll(late, site);
                }
                return taken;
            }
        }
    }

    @Override
    public long release(WaitQueue c, LongUnaryOperator give, LongPredicate wake, String site) {
        List<Waiter> woken = new ArrayList<>();
        long old = c.change(give, wake, woken, site);
        WaitQueue.wakeAll(woken, site);
        return old;
    }

    @Override
    public long read(WaitQueue c, String site) {
        return c.read(site);
    }

    @Override
    public boolean tryChange(WaitQueue c, LongPredicate test, LongUnaryOperator change, String site) {
        List<Waiter> woken = new ArrayList<>();
        boolean changed = c.changeIf(test, change, woken, site);
        WaitQueue.wakeAll(woken, site);
        return changed;
    }

    // ---------------------------------------------------------------- one-time events

    @Override
    public Latch event(String name) {
        return env.latch(name, 1);
    }

    @Override
    public void fire(Latch event, String site) {
        event.countDown(site);
    }

    @Override
    public void awaitEvent(TaskCtx me, Latch event, String site) throws InterruptedException {
        event.await(site);
    }

    @Override
    public boolean awaitEvent(TaskCtx me, Latch event, long timeoutNanos, String site) throws InterruptedException {
        return awaited(event, millis(timeoutNanos), site);
    }

    // ---------------------------------------------------------------- threads

    @Override
    public void start(TaskCtx child, Runnable body) {
        child.task = env.spawn(child.name, () -> {
            rt.enterTask(child);
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                if (!e.getClass().getName().startsWith("dev.whylock.engine.")) {
                    ended(child);
                }
                throw e;
            }
            ended(child);
        });
    }

    /** isAlive reads the task's end; joins are the engine's own. */
    private void ended(TaskCtx t) {
        release(t.end, v -> 1, v -> false, "Thread.exit");
    }

    @Override
    public boolean join(TaskCtx me, TaskCtx target, long timeoutNanos, String site) throws InterruptedException {
        if (target.task == null) {
            return true; // never started
        }
        return env.join(target.task, millis(timeoutNanos), site);
    }

    @Override
    public boolean isAlive(TaskCtx target, String site) {
        return target.task != null && target.end.read(site) == 0;
    }

    @Override
    public void sleep(TaskCtx me, long nanos, String site) throws InterruptedException {
        env.sleepInterruptibly(millis(Math.max(0, nanos)), site);
    }

    @Override
    public void interrupt(TaskCtx target, String site) {
        if (target.task != null) {
            env.interrupt(target.task, site); // a thread not started yet: no effect (as the JDK allows)
        }
    }

    @Override
    public boolean interrupted(TaskCtx target, boolean clear, String site) {
        if (clear) {
            return env.interrupted(site);
        }
        return target.task != null && env.isInterrupted(target.task, site);
    }

    @Override
    public void park(TaskCtx me, long timeoutNanos, String site) {
        if (timeoutNanos < 0) {
            env.park(site);
        } else {
            env.park(millis(timeoutNanos), site);
        }
    }

    @Override
    public void unpark(TaskCtx target, String site) {
        if (target.task != null) {
            env.unpark(target.task, site);
        }
    }

    @Override
    public long nowMillis(String site) {
        return env.now();
    }
}
