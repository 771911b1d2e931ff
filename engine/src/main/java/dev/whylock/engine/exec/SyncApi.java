package dev.whylock.engine.exec;

import dev.whylock.engine.Barrier;
import dev.whylock.engine.Condition;
import dev.whylock.engine.Latch;
import dev.whylock.engine.Monitor;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.ReadWriteLock;
import dev.whylock.engine.Semaphore;
import dev.whylock.engine.SyncRuntime;
import dev.whylock.engine.Task;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;

/**
 * The program-facing side of the Java synchronisation objects: turns each call into the
 * {@link Action} of its family and the operation's result back into what the JDK returns or
 * throws (InterruptedException, BrokenBarrierException, TimeoutException). Misuse that only the
 * calling task can commit — unlocking, waiting or signalling without holding the monitor — throws
 * IllegalMonitorStateException at once, without a scheduling point.
 */
final class SyncApi implements SyncRuntime {
    private final ExecutionApi api;

    SyncApi(ExecutionApi api) {
        this.api = api;
    }

    // ---------------------------------------------------------------- objects

    /** A new lock identity of a Java lock kind, with its state. */
    Mutex newLock(String lockClass, Mutex.Kind kind) {
        Mutex m = new Mutex(api, lockClass, api.newId(), kind);
        api.registerLock(m);
        api.sync().put(m.id(), kind == Mutex.Kind.READ_WRITE ? new ReadWriteActions.State() : new MonitorState());
        return m;
    }

    @Override
    public Condition newCondition(Monitor m, String name) {
        Condition c = new Condition(this, m, name, api.newId());
        api.sync().put(c.id(), new ConditionActions.State(c));
        return c;
    }

    Semaphore semaphore(String name, int permits) {
        Semaphore s = new Semaphore(this, name, api.newId());
        api.sync().put(s.id(), new SemaphoreActions.State(permits));
        return s;
    }

    Latch latch(String name, int count) {
        Latch l = new Latch(this, name, api.newId());
        api.sync().put(l.id(), new LatchActions.State(count));
        return l;
    }

    Barrier barrier(String name, int parties) {
        if (parties <= 0) {
            throw new IllegalArgumentException("a barrier needs at least one party, got " + parties);
        }
        Barrier b = new Barrier(this, name, api.newId(), parties);
        api.sync().put(b.id(), new BarrierActions.State(parties));
        return b;
    }

    // ---------------------------------------------------------------- monitors

    private Op pendLock(Action a, Mutex orig, Mutex actual, String site) {
        Op op = api.pend(a, site);
        op.lock = actual;
        op.note = actual == null ? "removed" : actual != orig ? "replaced by " + actual.lockClass() : null;
        return op;
    }

    @Override
    public void lock(Monitor m, String site) {
        lockByIdentity(m.mutex(), site);
    }

    /** lock of a monitor, or of a read-write lock's write lock, through its identity. */
    void lockByIdentity(Mutex m, String site) {
        Mutex actual = api.actualLock(m, site);
        api.await(pendLock(m.kind() == Mutex.Kind.READ_WRITE ? new ReadWriteActions.Acquire(m, actual, true, false)
                : new MonitorActions.Acquire(m, actual, false), m, actual, site));
    }

    @Override
    public boolean tryLock(Monitor m, long timeoutMillis, String site) throws InterruptedException {
        Mutex actual = api.actualLock(m.mutex(), site);
        if (timeoutMillis < 0 || actual == null) {
            return (Boolean) api.await(pendLock(new MonitorActions.Acquire(m.mutex(), actual, true), m.mutex(), actual, site));
        }
        MonitorActions.TimedAcquire w = new MonitorActions.TimedAcquire(m.mutex(), actual, timeoutMillis, api.timeoutsOrdered());
        api.await(pendLock(new Waiting.Begin(w), m.mutex(), actual, site));
        return (Boolean) interruptible(w.outcome, site);
    }

    boolean tryLockByIdentity(Mutex m, String site) {
        Mutex actual = api.actualLock(m, site);
        return (Boolean) api.await(pendLock(m.kind() == Mutex.Kind.READ_WRITE ? new ReadWriteActions.Acquire(m, actual, true, true)
                : new MonitorActions.Acquire(m, actual, true), m, actual, site));
    }

    @Override
    public void unlock(Monitor m, String site) {
        unlockByIdentity(m.mutex(), site);
    }

    void unlockByIdentity(Mutex m, String site) {
        Held h = held(m, m.kind() == Mutex.Kind.READ_WRITE ? "the write lock of " : "", site);
        api.await(pendLock(m.kind() == Mutex.Kind.READ_WRITE ? new ReadWriteActions.Release(h, true)
                : new MonitorActions.Release(h), m, h.actual(), site));
    }

    /** The caller's latest hold of {@code m}; IllegalMonitorStateException if it has none. */
    private Held held(Mutex m, String what, String site) {
        Held h = api.current().findHeld(m);
        if (h == null) {
            throw new IllegalMonitorStateException("unlock of " + what + m.lockClass() + " in " + site + " by "
                    + api.taskName() + ", which does not hold it");
        }
        return h;
    }

    @Override
    public boolean isLocked(Monitor m, String site) {
        return isLockedByIdentity(m.mutex(), site);
    }

    boolean isLockedByIdentity(Mutex m, String site) {
        return (Boolean) api.perform(new MonitorActions.IsLocked(m), site);
    }

    @Override
    public int holdCount(Monitor m) {
        int n = 0;
        for (Held h : api.current().held) {
            n += h.orig() == m.mutex() ? 1 : 0;
        }
        return n;
    }

    // ---------------------------------------------------------------- wait sets

    private void requireHeld(Condition c, String what, String site) {
        if (api.current().findHeld(c.monitor().mutex()) == null) {
            throw new IllegalMonitorStateException(what + " of " + c.name() + " in " + site + " by " + api.taskName()
                    + ", which does not hold " + c.monitor().lockClass());
        }
    }

    @Override
    public boolean await(Condition c, long timeoutMillis, String site) throws InterruptedException {
        requireHeld(c, "wait", site);
        ConditionActions.Await a = new ConditionActions.Await(c, timeoutMillis, api.timeoutsOrdered());
        api.perform(a, site);
        return (Boolean) interruptible(a.outcome, site);
    }

    @Override
    public void signal(Condition c, boolean all, String site) {
        requireHeld(c, all ? "signalAll" : "signal", site);
        api.perform(new ConditionActions.Signal(c, all), site);
    }

    // ---------------------------------------------------------------- semaphores, latches, barriers

    /** Performs a wait, through its begin step when timed; returns how it ended. */
    private Object waitFor(Waiting w, String site) {
        api.perform(w.timed() ? new Waiting.Begin(w) : w, site);
        return w.outcome;
    }

    private static Object interruptible(Object outcome, String site) throws InterruptedException {
        if (outcome == Waiting.Ended.INTERRUPTED) {
            throw new InterruptedException("interrupted in " + site);
        }
        return outcome;
    }

    @Override
    public boolean acquire(Semaphore s, int permits, long timeoutMillis, String site) throws InterruptedException {
        return (Boolean) interruptible(waitFor(new SemaphoreActions.Acquire(s, permits, timeoutMillis, api.timeoutsOrdered()), site), site);
    }

    @Override
    public boolean tryAcquire(Semaphore s, int permits, String site) {
        return (Boolean) api.perform(new SemaphoreActions.TryAcquire(s, permits), site);
    }

    @Override
    public void release(Semaphore s, int permits, String site) {
        api.perform(new SemaphoreActions.Release(s, permits), site);
    }

    @Override
    public int availablePermits(Semaphore s, String site) {
        return (Integer) api.perform(new SemaphoreActions.Available(s), site);
    }

    @Override
    public void countDown(Latch l, String site) {
        api.perform(new LatchActions.CountDown(l), site);
    }

    @Override
    public boolean await(Latch l, long timeoutMillis, String site) throws InterruptedException {
        return (Boolean) interruptible(waitFor(new LatchActions.Await(l, timeoutMillis, api.timeoutsOrdered()), site), site);
    }

    @Override
    public long count(Latch l, String site) {
        return (Long) api.perform(new LatchActions.Count(l), site);
    }

    @Override
    public int await(Barrier b, long timeoutMillis, String site) throws InterruptedException, BrokenBarrierException, TimeoutException {
        BarrierActions.Arrive a = new BarrierActions.Arrive(b, timeoutMillis, api.timeoutsOrdered());
        api.perform(a, site);
        Object r = interruptible(a.outcome, site);
        if (r == Waiting.Ended.BROKEN) {
            throw new BrokenBarrierException("barrier " + b + " is broken (in " + site + ")");
        }
        if (r == Waiting.Ended.TIMED_OUT) {
            throw new TimeoutException("barrier " + b + " timed out in " + site);
        }
        return (Integer) r;
    }

    @Override
    public boolean isBroken(Barrier b, String site) {
        return (Boolean) api.perform(new BarrierActions.Query(b, true), site);
    }

    @Override
    public int waiting(Barrier b, String site) {
        return (Integer) api.perform(new BarrierActions.Query(b, false), site);
    }

    // ---------------------------------------------------------------- read-write locks

    private boolean acquireRw(Mutex m, boolean write, boolean tryOnly, String site) {
        Mutex actual = api.actualLock(m, site);
        return (Boolean) api.await(pendLock(new ReadWriteActions.Acquire(m, actual, write, tryOnly), m, actual, site));
    }

    @Override
    public void lockRead(ReadWriteLock rw, String site) {
        acquireRw(rw.mutex(), false, false, site);
    }

    @Override
    public boolean tryLockRead(ReadWriteLock rw, String site) {
        return acquireRw(rw.mutex(), false, true, site);
    }

    @Override
    public void unlockRead(ReadWriteLock rw, String site) {
        Held h = held(rw.mutex(), "the read lock of ", site);
        api.await(pendLock(new ReadWriteActions.Release(h, false), rw.mutex(), h.actual(), site));
    }

    @Override
    public void lockWrite(ReadWriteLock rw, String site) {
        lockByIdentity(rw.mutex(), site);
    }

    @Override
    public boolean tryLockWrite(ReadWriteLock rw, String site) {
        return tryLockByIdentity(rw.mutex(), site);
    }

    @Override
    public void unlockWrite(ReadWriteLock rw, String site) {
        unlockByIdentity(rw.mutex(), site);
    }

    @Override
    public boolean isWriteLocked(ReadWriteLock rw, String site) {
        return isLockedByIdentity(rw.mutex(), site);
    }

    @Override
    public boolean lockInterruptibly(ReadWriteLock rw, boolean write, long timeoutMillis, String site) throws InterruptedException {
        Mutex m = rw.mutex();
        Mutex actual = api.actualLock(m, site);
        if (actual == null) {
            if (api.interrupted(site)) { // removed: never waits, but throws on entry as the JDK does
                throw new InterruptedException("interrupted in " + site);
            }
            return acquireRw(m, write, false, site);
        }
        ReadWriteActions.TimedAcquire w = new ReadWriteActions.TimedAcquire(m, actual, write, timeoutMillis, api.timeoutsOrdered());
        api.await(pendLock(w.timed() ? new Waiting.Begin(w) : w, m, actual, site));
        return (Boolean) interruptible(w.outcome, site);
    }

    // ---------------------------------------------------------------- threads

    boolean join(TaskState joined, Task handle, long timeoutMillis, String site) throws InterruptedException {
        return (Boolean) interruptible(waitFor(new ThreadActions.Join(joined, handle, timeoutMillis, api.timeoutsOrdered()), site), site);
    }

    void sleep(long millis, String site) throws InterruptedException {
        interruptible(waitFor(new ThreadActions.Sleep(Math.max(0, millis), api.timeoutsOrdered()), site), site);
    }

    void park(long timeoutMillis, String site) {
        waitFor(new ThreadActions.Park(api.current().id, timeoutMillis, api.timeoutsOrdered()), site);
    }
}
