package dev.whylock.jvm.rt;

import dev.whylock.engine.Env;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Work;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;

/**
 * {@link JvmPrimitives} built from what the engine has today: a lock is an engine mutex with the
 * reentrancy counted here, every wait is a completion the waiter sleeps on, woken by whoever
 * removes it from a {@link WaitQueue} (a notify, a timer, an interrupt, a release), and timeouts
 * are engine timers. Interim: the engine's own reentrant locks, condition variables, park,
 * semaphores, latches and timeouts replace it when they land.
 */
final class InterimPrimitives implements JvmPrimitives {

    /** What the lock experiments make of one acquisition. */
    enum Mode { KEPT, REMOVED, REPLACED }

    private final JvmRuntime rt;
    private final Env env;
    private final java.util.Map<Object, WaitQueue> conditions = new java.util.IdentityHashMap<>();

    InterimPrimitives(JvmRuntime rt) {
        this.rt = rt;
        this.env = rt.env;
    }

    // ---------------------------------------------------------------- locks

    private Mode mode(JLock l, String site) {
        for (LockExperiment e : rt.experiments) {
            if (e.matches(l.name, site)) {
                return e.kind() == LockExperiment.Kind.REMOVE ? Mode.REMOVED : Mode.REPLACED;
            }
        }
        return Mode.KEPT;
    }

    /**
     * Whether an acquisition in {@code mode} takes the engine lock: a removed one always does (the
     * engine records it and takes nothing); a kept or replaced one unless the task already holds
     * the lock that way (reentrancy).
     */
    private static boolean needsEngine(ArrayDeque<TaskCtx.Hold> holds, Mode mode) {
        return mode == Mode.REMOVED || holds.stream().noneMatch(h -> h.mode() == mode);
    }

    @Override
    public void lock(TaskCtx me, Object lock, String site) {
        JLock l = rt.lock(lock);
        Mode mode = mode(l, site);
        ArrayDeque<TaskCtx.Hold> holds = me.holds(lock);
        boolean engine = needsEngine(holds, mode);
        if (engine) {
            l.mutex.lock(site);
        }
        holds.push(new TaskCtx.Hold(site, mode, engine));
    }

    @Override
    public boolean tryLock(TaskCtx me, Object lock, long timeoutNanos, String site) throws InterruptedException {
        JLock l = rt.lock(lock);
        Mode mode = mode(l, site);
        ArrayDeque<TaskCtx.Hold> holds = me.holds(lock);
        if (!needsEngine(holds, mode) || mode == Mode.REMOVED) {
            if (mode == Mode.REMOVED) {
                l.mutex.tryLock(site);
            }
            holds.push(new TaskCtx.Hold(site, mode, mode == Mode.REMOVED));
            return true;
        }
        if (timeoutNanos < 0) {
            if (l.mutex.tryLock(site)) {
                holds.push(new TaskCtx.Hold(site, mode, true));
                return true;
            }
            return false;
        }
        WaitQueue releases = l.releases(rt);
        l.contended++;
        try {
            while (true) {
                Waiter w = waiter(me, releases);
                releases.enqueue(w, site);
                if (l.mutex.tryLock(site)) {
                    releases.remove(w, site);
                    holds.push(new TaskCtx.Hold(site, mode, true));
                    return true;
                }
                Waiter.Reason r = block(me, w, timeoutNanos, Interrupts.THROW, site);
                if (r == Waiter.Reason.INTERRUPTED) {
                    throw new InterruptedException();
                }
                if (r == Waiter.Reason.TIMEOUT) {
                    boolean got = l.mutex.tryLock(site);
                    if (got) {
                        holds.push(new TaskCtx.Hold(site, mode, true));
                    }
                    return got;
                }
            }
        } finally {
            l.contended--;
        }
    }

    @Override
    public void unlock(TaskCtx me, Object lock, String site) {
        ArrayDeque<TaskCtx.Hold> holds = me.holds.get(lock);
        if (holds == null || holds.isEmpty()) {
            throw new IllegalMonitorStateException("current thread " + me.name + " does not hold " + rt.lockName(lock));
        }
        JLock l = rt.lock(lock);
        TaskCtx.Hold h = holds.pop();
        if (h.engine()) {
            l.mutex.unlock(site);
            if (l.contended > 0) {
                List<Waiter> woken = new ArrayList<>();
                l.releases(rt).change(v -> v + 1, v -> true, woken, site);
                WaitQueue.wakeAll(woken, site);
            }
        }
    }

    @Override
    public boolean isLocked(Object lock, String site) {
        return rt.lock(lock).mutex.isLocked(site);
    }

    @Override
    public int holdCount(TaskCtx me, Object lock) {
        ArrayDeque<TaskCtx.Hold> h = me.holds.get(lock);
        return h == null ? 0 : h.size();
    }

    // ---------------------------------------------------------------- condition waits

    private WaitQueue waitSet(JLock l, Object condition) {
        if (condition == null) {
            return l.waitSet(rt);
        }
        return conditions.computeIfAbsent(condition, c -> new WaitQueue(env, l.name + " (condition " + (conditions.size() + 1) + ")", 0, null));
    }

    @Override
    public boolean await(TaskCtx me, Object lock, Object condition, long timeoutNanos, boolean interruptible, String site)
            throws InterruptedException {
        if (!me.holding(lock)) {
            throw new IllegalMonitorStateException("current thread " + me.name + " is not the owner of " + rt.lockName(lock));
        }
        JLock l = rt.lock(lock);
        WaitQueue set = waitSet(l, condition);
        Waiter w = waiter(me, set);
        // In the wait set before the lock is released, so a signal right after the release finds it.
        set.enqueue(w, site);
        List<TaskCtx.Hold> saved = releaseAll(me, lock, l, site);
        Waiter.Reason r = block(me, w, timeoutNanos, interruptible ? Interrupts.THROW : Interrupts.IGNORE, site);
        reacquire(me, lock, l, saved);
        if (r == Waiter.Reason.INTERRUPTED) {
            throw new InterruptedException();
        }
        return r != Waiter.Reason.TIMEOUT;
    }

    private List<TaskCtx.Hold> releaseAll(TaskCtx me, Object lock, JLock l, String site) {
        List<TaskCtx.Hold> saved = new ArrayList<>(me.holds(lock));
        for (int i = 0; i < saved.size(); i++) {
            unlock(me, lock, site);
        }
        return saved;
    }

    /** Takes the holds back, outermost first, each at its original site (so the experiments treat it the same). */
    private void reacquire(TaskCtx me, Object lock, JLock l, List<TaskCtx.Hold> saved) {
        for (int i = saved.size() - 1; i >= 0; i--) {
            TaskCtx.Hold h = saved.get(i);
            if (h.engine()) {
                l.mutex.lock(h.site());
            }
            me.holds(lock).push(h);
        }
    }

    @Override
    public void signal(TaskCtx me, Object lock, Object condition, boolean all, String site) {
        if (!me.holding(lock)) {
            throw new IllegalMonitorStateException("current thread " + me.name + " is not the owner of " + rt.lockName(lock));
        }
        JLock l = rt.lock(lock);
        WaitQueue set = waitSet(l, condition);
        int n = set.waiting();
        // notify may wake any waiter (JLS 17.2.2): which one is a choice the search explores.
        int which = all ? -1 : n <= 1 ? 1 : env.choose("notify " + l.name, n) + 1;
        WaitQueue.wakeAll(set.update(v -> v, which, null, site), site);
    }

    // ---------------------------------------------------------------- waiting

    @Override
    public Waiter waiter(TaskCtx me, WaitQueue q) {
        return new Waiter(me, env.completion("wake-up of " + me.name), q);
    }

    /**
     * Sleeps until {@code w} (already in its queue) is woken: by its queue's owner, by the timer
     * armed here, or by an interrupt. Returns why.
     */
    @Override
    public Waiter.Reason block(TaskCtx me, Waiter w, long timeoutNanos, Interrupts interrupts, String site) {
        if (interrupts != Interrupts.IGNORE) {
            // The interrupt status records the wait, so an interrupt can end it; one already pending ends it now.
            boolean pending = me.interrupt.tryOrEnqueue(v -> v == 1, v -> interrupts == Interrupts.THROW ? 0 : 1, w, site);
            if (pending) {
                if (w.queue.remove(w, site)) {
                    return Waiter.Reason.INTERRUPTED;
                }
                w.wake.waitFor(site);
                return w.reason;
            }
        }
        Work timer = null;
        if (timeoutNanos >= 0) {
            timer = env.work("timeout of " + me.name, () -> {
                if (w.queue.remove(w, "timeout")) {
                    w.wake(Waiter.Reason.TIMEOUT, "timeout");
                }
            });
            timer.queueDelayed((timeoutNanos + 999_999) / 1_000_000, site);
        }
        w.wake.waitFor(site);
        if (timer != null && w.reason != Waiter.Reason.TIMEOUT) {
            timer.cancel(site);
        }
        if (interrupts != Interrupts.IGNORE) {
            boolean consume = w.reason == Waiter.Reason.INTERRUPTED && interrupts == Interrupts.THROW;
            me.interrupt.remove(w, v -> consume ? 0 : v, site);
        }
        return w.reason;
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

    private void ended(TaskCtx t) {
        List<Waiter> woken = new ArrayList<>();
        t.end.change(v -> 1, v -> true, woken, "Thread.exit");
        WaitQueue.wakeAll(woken, "Thread.exit");
    }

    @Override
    public boolean join(TaskCtx me, TaskCtx target, long timeoutNanos, String site) throws InterruptedException {
        if (target.task == null) {
            return true;
        }
        if (timeoutNanos < 0) {
            // Interim: an untimed join is the engine's join, which an interrupt cannot end.
            env.join(target.task);
            return true;
        }
        return acquire(me, target.end, v -> v == 1, v -> v, timeoutNanos, Interrupts.THROW, site);
    }

    @Override
    public boolean isAlive(TaskCtx target, String site) {
        return target.task != null && target.end.read(site) == 0;
    }

    @Override
    public void sleep(TaskCtx me, long nanos, String site) throws InterruptedException {
        if (nanos <= 0) {
            if (pendingInterrupt(me, site)) {
                throw new InterruptedException("sleep interrupted");
            }
            return;
        }
        Waiter w = waiter(me, me.end);
        me.end.enqueue(w, site);
        if (block(me, w, nanos, Interrupts.THROW, site) == Waiter.Reason.INTERRUPTED) {
            throw new InterruptedException("sleep interrupted");
        }
    }

    @Override
    public void interrupt(TaskCtx target, String site) {
        List<Waiter> waits = target.interrupt.update(v -> 1, -1, null, site);
        for (Waiter w : waits) {
            if (w.queue.remove(w, site)) {
                w.wake(Waiter.Reason.INTERRUPTED, site);
            }
        }
    }

    /** Whether an interrupt is pending, clearing it if so: a read unless it is (the usual case costs no write). */
    private boolean pendingInterrupt(TaskCtx me, String site) {
        return me.interrupt.read(site) == 1 && interrupted(me, true, site);
    }

    @Override
    public boolean interrupted(TaskCtx target, boolean clear, String site) {
        if (!clear) {
            return target.interrupt.read(site) == 1;
        }
        return target.interrupt.change(v -> 0, v -> false, new ArrayList<>(), site) == 1;
    }

    @Override
    public void park(TaskCtx me, long timeoutNanos, String site) {
        try {
            acquire(me, me.permit, v -> v == 1, v -> 0, timeoutNanos, Interrupts.RETURN, site);
        } catch (InterruptedException e) {
            throw new IllegalStateException("park does not throw", e);
        }
    }

    @Override
    public void unpark(TaskCtx target, String site) {
        release(target.permit, v -> 1, v -> true, site);
    }

    @Override
    public long nowMillis(String site) {
        return env.now();
    }

    // ---------------------------------------------------------------- counting synchronizers

    @Override
    public WaitQueue counter(String name, long initial, String valueName) {
        return new WaitQueue(env, name, initial, valueName);
    }

    @Override
    public boolean acquire(TaskCtx me, WaitQueue c, LongPredicate ready, LongUnaryOperator take, long timeoutNanos,
            Interrupts interrupts, String site) throws InterruptedException {
        if (interrupts == Interrupts.THROW && pendingInterrupt(me, site)) {
            throw new InterruptedException();
        }
        while (true) {
            Waiter w = timeoutNanos == 0 ? null : waiter(me, c);
            if (c.tryOrEnqueue(ready, take, w, site)) {
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
                return c.tryOrEnqueue(ready, take, null, site);
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
    public dev.whylock.engine.Completion event(String name) {
        return env.completion(name);
    }

    @Override
    public void fire(dev.whylock.engine.Completion event, String site) {
        event.completeAll(site);
    }

    @Override
    public void awaitEvent(TaskCtx me, dev.whylock.engine.Completion event, String site) throws InterruptedException {
        // Interim: the engine's wait for a completion cannot be interrupted.
        event.waitFor(site);
    }
}
