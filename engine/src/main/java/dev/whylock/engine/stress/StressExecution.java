package dev.whylock.engine.stress;

import dev.whylock.engine.Completion;
import dev.whylock.engine.ExecutionRuntime;
import dev.whylock.engine.Field;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Obj;
import dev.whylock.engine.Program;
import dev.whylock.engine.Runtimes;
import dev.whylock.engine.Task;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.Work;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One "run it and see" execution: the same program on real platform threads with real locks and no
 * control over the interleaving — what a stress test gives. Work items run on a real thread pool,
 * timers after their delay scaled from milliseconds to microseconds. A task that waits longer than
 * the hang timeout is reported as a deadlock. Results are not reproducible: that is the point.
 */
final class StressExecution implements ExecutionRuntime {

    /** Unwinds a task after the run has failed. */
    static final class Abort extends RuntimeException {
        Abort() {
            super(null, null, false, false);
        }
    }

    private final Program program;
    private final List<LockExperiment> experiments;
    private final long hangMillis;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<Integer, Mutex> replacements = new ConcurrentHashMap<>();
    private final Map<Integer, WorkState> works = new ConcurrentHashMap<>();
    private final Map<String, Supplier<String>> invariants = new LinkedHashMap<>();
    private final ThreadLocal<List<Mutex[]>> held = ThreadLocal.withInitial(ArrayList::new);
    private final ThreadLocal<String> name = ThreadLocal.withInitial(() -> "main");
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final ReentrantLock state = new ReentrantLock();
    private final Condition changed = state.newCondition();
    private final SplittableRandom random;
    private volatile ViolationKind failureKind;
    private ScheduledThreadPoolExecutor pool;

    StressExecution(Program program, List<LockExperiment> experiments, long hangMillis, long seed) {
        this.program = program;
        this.experiments = experiments;
        this.hangMillis = hangMillis;
        this.random = new SplittableRandom(seed);
    }

    /** Runs the program once; returns the failure as "kind: message", or null when the run passed. */
    StressOutcome run() {
        Runtimes.install(this);
        pool = new ScheduledThreadPoolExecutor(4, r -> {
            Thread t = new Thread(r, "whylock-stress-kworker");
            t.setDaemon(true);
            return t;
        });
        try {
            program.setup(this);
            program.run(this);
            awaitIdle();
            if (failure.get() == null) {
                for (Map.Entry<String, Supplier<String>> e : invariants.entrySet()) {
                    String msg = e.getValue().get();
                    if (msg != null) {
                        fail0(ViolationKind.INVARIANT, "invariant " + e.getKey() + " violated at the end of the run: " + msg);
                        break;
                    }
                }
            }
        } catch (Abort a) {
            // The failure is recorded.
        } catch (RuntimeException e) {
            fail0(ViolationKind.EXCEPTION, "uncaught " + e + " in main");
        } finally {
            pool.shutdownNow();
            for (Thread t : threads) {
                t.interrupt();
            }
        }
        return new StressOutcome(failureKind, failure.get());
    }

    private void awaitIdle() {
        for (Thread t : new ArrayList<>(threads)) {
            joinThread(t, t.getName());
        }
        waitUntil(() -> works.values().stream().noneMatch(w -> w.pending || w.running), "pending work to finish");
    }

    // ---------------------------------------------------------------- failures

    private void fail0(ViolationKind kind, String message) {
        if (failure.compareAndSet(null, kind.key() + ": " + message)) {
            failureKind = kind;
        }
    }

    private void check() {
        if (failure.get() != null) {
            throw new Abort();
        }
    }

    @Override
    public void fail(ViolationKind kind, String message) {
        if (kind.fatal()) {
            fail0(kind, message);
            throw new Abort();
        }
    }

    @Override
    public boolean warnOn(boolean condition, String message) {
        return condition;
    }

    @Override
    public void bugOn(boolean condition, String message) {
        if (condition) {
            fail(ViolationKind.BUG, "BUG_ON: " + message);
        }
    }

    @Override
    public void invariant(String n, Supplier<String> c) {
        invariants.put(n, c);
    }

    // ---------------------------------------------------------------- objects

    @Override
    public int register(Obj obj) {
        return ids.getAndIncrement();
    }

    @Override
    public Mutex mutex(String lockClass) {
        Mutex m = new Mutex(this, lockClass, ids.getAndIncrement());
        locks.put(m.id(), new ReentrantLock());
        return m;
    }

    @Override
    public <T> Field<T> field(String n, T initial) {
        return new Field<>(this, null, n, initial, ids.getAndIncrement());
    }

    @Override
    public <T> Field<T> field(Obj owner, String n, T initial) {
        return new Field<>(this, owner, n, initial, ids.getAndIncrement());
    }

    @Override
    public <T> T read(Field<T> f, String site) {
        check();
        if (f.owner() != null && f.owner().isFreed()) {
            fail(ViolationKind.USE_AFTER_FREE, "read of " + f.name() + " in " + site + " after " + f.owner().type() + " was freed");
        }
        return f.peek();
    }

    @Override
    public <T> void write(Field<T> f, T value, String site) {
        check();
        if (f.owner() != null && f.owner().isFreed()) {
            fail(ViolationKind.USE_AFTER_FREE, "write to " + f.name() + " in " + site + " after " + f.owner().type() + " was freed");
        }
        f.store(value);
    }

    @Override
    public <T> T update(Field<T> f, java.util.function.UnaryOperator<T> fn, String site) {
        check();
        if (f.owner() != null && f.owner().isFreed()) {
            fail(ViolationKind.USE_AFTER_FREE, "update of " + f.name() + " in " + site + " after " + f.owner().type() + " was freed");
        }
        synchronized (f) {
            T old = f.peek();
            f.store(fn.apply(old));
            return old;
        }
    }

    @Override
    public void free(Obj obj, String site) {
        check();
        if (obj != null) {
            if (obj.isFreed()) {
                fail(ViolationKind.USE_AFTER_FREE, "double kfree of " + obj.type() + " in " + site);
            }
            obj.markFreed(site);
        }
    }

    @Override
    public <T extends Obj> T deref(T pointer, String what) {
        check();
        if (pointer == null) {
            fail(ViolationKind.NULL_DEREFERENCE, "NULL pointer dereference of " + what);
        }
        if (pointer.isFreed()) {
            fail(ViolationKind.USE_AFTER_FREE, "use of " + what + " after it was freed");
        }
        return pointer;
    }

    // ---------------------------------------------------------------- locks

    private Mutex actual(Mutex m, String site) {
        for (LockExperiment e : experiments) {
            if (e.matches(m.lockClass(), site)) {
                return e.kind() == LockExperiment.Kind.REMOVE ? null : replacements.computeIfAbsent(m.id(), k -> mutex(e.replacement()));
            }
        }
        return m;
    }

    @Override
    public void lock(Mutex m, String site) {
        check();
        Mutex a = actual(m, site);
        if (a != null) {
            ReentrantLock l = locks.get(a.id());
            if (l.isHeldByCurrentThread()) {
                fail(ViolationKind.DEADLOCK, "self-deadlock: " + taskName() + " takes " + a.lockClass() + " in " + site + " while holding it");
            }
            try {
                if (!l.tryLock(hangMillis, TimeUnit.MILLISECONDS)) {
                    fail(ViolationKind.DEADLOCK, "deadlock (hang): " + taskName() + " waited over " + hangMillis + " ms for " + a.lockClass() + " in " + site);
                }
            } catch (InterruptedException e) {
                throw new Abort();
            }
        }
        held.get().add(new Mutex[] {m, a});
    }

    @Override
    public boolean tryLock(Mutex m, String site) {
        check();
        Mutex a = actual(m, site);
        if (a != null && !locks.get(a.id()).tryLock()) {
            return false;
        }
        held.get().add(new Mutex[] {m, a});
        return true;
    }

    @Override
    public void unlock(Mutex m, String site) {
        List<Mutex[]> h = held.get();
        for (int i = h.size() - 1; i >= 0; i--) {
            if (h.get(i)[0] == m) {
                Mutex a = h.remove(i)[1];
                if (a != null) {
                    locks.get(a.id()).unlock();
                }
                return;
            }
        }
        fail(ViolationKind.BUG, "mutex_unlock of " + m.lockClass() + " in " + site + ", which " + taskName() + " does not hold");
    }

    @Override
    public void assertHeld(Mutex m, String site) {}

    @Override
    public void assertLocked(Mutex m, String site) {}

    @Override
    public boolean isLocked(Mutex m, String site) {
        return locks.get(m.id()).isLocked();
    }

    // ---------------------------------------------------------------- tasks

    @Override
    public Task spawn(String taskName, Runnable body) {
        Thread t = Thread.ofPlatform().daemon().name(taskName).unstarted(() -> {
            name.set(taskName);
            try {
                body.run();
            } catch (Abort a) {
                // Recorded.
            } catch (RuntimeException e) {
                fail0(ViolationKind.EXCEPTION, "uncaught " + e + " in task " + taskName);
            }
        });
        synchronized (threads) {
            threads.add(t);
        }
        t.start();
        return new Task(threads.size(), taskName);
    }

    @Override
    public void join(Task task) {
        Thread t;
        synchronized (threads) {
            t = threads.stream().filter(x -> x.getName().equals(task.name())).findFirst().orElseThrow();
        }
        joinThread(t, task.name());
    }

    private void joinThread(Thread t, String what) {
        try {
            t.join(hangMillis);
        } catch (InterruptedException e) {
            throw new Abort();
        }
        if (t.isAlive()) {
            fail(ViolationKind.DEADLOCK, "deadlock (hang): " + what + " did not finish within " + hangMillis + " ms");
        }
        check();
    }

    @Override
    public String taskName() {
        return name.get();
    }

    @Override
    public int choose(String label, int n) {
        synchronized (random) {
            return random.nextInt(n);
        }
    }

    @Override
    public long now() {
        return 0;
    }

    /** Real threads have no virtual time: a sleep only lets other threads run. */
    @Override
    public void sleep(long millis, String site) {
        Thread.yield();
    }

    /** Real threads have no virtual time: a sleep only lets other threads run (stress tasks are never interrupted). */
    @Override
    public void sleepInterruptibly(long millis, String site) {
        Thread.yield();
    }

    // ---------------------------------------------------------------- work and completions

    private static final class WorkState {
        boolean pending;
        boolean running;
        long queuedGen;
        long doneGen;
        long startedGen;
        int starts;
    }

    private WorkState ws(Work w) {
        return works.computeIfAbsent(w.id(), k -> new WorkState());
    }

    @Override
    public Work work(String n, Runnable fn) {
        return new Work(this, n, fn, ids.getAndIncrement());
    }

    @Override
    public boolean queue(Work w, long delayMillis, String site) {
        check();
        state.lock();
        try {
            WorkState s = ws(w);
            if (s.pending || s.starts >= w.maxRuns()) {
                return false;
            }
            s.pending = true;
            s.queuedGen++;
        } finally {
            state.unlock();
        }
        pool.schedule(() -> runWork(w), delayMillis, TimeUnit.MICROSECONDS);
        return true;
    }

    private void runWork(Work w) {
        state.lock();
        try {
            WorkState s = ws(w);
            while (s.running) {
                changed.awaitUninterruptibly();
            }
            if (!s.pending) {
                return;
            }
            s.pending = false;
            s.running = true;
            s.starts++;
            s.startedGen = s.queuedGen;
        } finally {
            state.unlock();
        }
        name.set("kworker:" + w.name());
        try {
            w.fn().run();
        } catch (Abort a) {
            // Recorded.
        } catch (RuntimeException e) {
            fail0(ViolationKind.EXCEPTION, "uncaught " + e + " in work " + w.name());
        } finally {
            state.lock();
            try {
                WorkState s = ws(w);
                s.running = false;
                s.doneGen = s.startedGen;
                changed.signalAll();
            } finally {
                state.unlock();
            }
        }
    }

    @Override
    public boolean modify(Work w, long delayMillis, String site) {
        boolean was = cancel(w, false, site);
        queue(w, delayMillis, site);
        return was;
    }

    @Override
    public boolean cancel(Work w, boolean sync, String site) {
        check();
        state.lock();
        try {
            WorkState s = ws(w);
            boolean was = s.pending;
            s.pending = false;
            changed.signalAll();
            long target = s.startedGen;
            if (sync && s.running) {
                waitLocked(() -> s.doneGen >= target, "work " + w.name() + " to finish in " + site);
            }
            return was;
        } finally {
            state.unlock();
        }
    }

    @Override
    public void flush(Work w, String site) {
        check();
        state.lock();
        try {
            WorkState s = ws(w);
            long target = s.pending ? s.queuedGen : s.running ? s.startedGen : -1;
            if (target >= 0) {
                waitLocked(() -> s.doneGen >= target, "work " + w.name() + " to finish in " + site);
            }
        } finally {
            state.unlock();
        }
    }

    @Override
    public boolean pending(Work w, String site) {
        state.lock();
        try {
            return ws(w).pending;
        } finally {
            state.unlock();
        }
    }

    @Override
    public void settle() {
        waitUntil(() -> works.values().stream().noneMatch(s -> s.pending || s.running), "pending work to settle");
    }

    @Override
    public Completion completion(String n) {
        return new Completion(this, n, ids.getAndIncrement());
    }

    @Override
    public void complete(Completion c, boolean all, String site) {
        state.lock();
        try {
            c.setDone(all ? Integer.MAX_VALUE : c.done() == Integer.MAX_VALUE ? c.done() : c.done() + 1);
            changed.signalAll();
        } finally {
            state.unlock();
        }
    }

    @Override
    public void waitFor(Completion c, String site) {
        state.lock();
        try {
            waitLocked(() -> c.done() > 0, "completion " + c.name() + " in " + site);
            if (c.done() != Integer.MAX_VALUE) {
                c.setDone(c.done() - 1);
            }
        } finally {
            state.unlock();
        }
    }

    private void waitUntil(java.util.function.BooleanSupplier cond, String what) {
        state.lock();
        try {
            waitLocked(cond, what);
        } finally {
            state.unlock();
        }
    }

    /** Waits on the state condition; gives up after the hang timeout without progress. */
    private void waitLocked(java.util.function.BooleanSupplier cond, String what) {
        while (!cond.getAsBoolean()) {
            check();
            try {
                if (!changed.await(hangMillis, TimeUnit.MILLISECONDS) && !cond.getAsBoolean()) {
                    fail(ViolationKind.DEADLOCK, "deadlock (hang): " + taskName() + " waited over " + hangMillis + " ms for " + what);
                }
            } catch (InterruptedException e) {
                throw new Abort();
            }
        }
    }

    // ---------------------------------------------------------------- Java synchronisation (not yet under stress)

    private static UnsupportedOperationException notYet(String what) {
        return new UnsupportedOperationException("the stress strategy does not run " + what + " yet");
    }

    @Override
    public dev.whylock.engine.Monitor monitor(String lockClass) {
        throw notYet("monitors");
    }

    @Override
    public dev.whylock.engine.ReadWriteLock readWriteLock(String lockClass) {
        throw notYet("read-write locks");
    }

    @Override
    public dev.whylock.engine.Semaphore semaphore(String n, int permits) {
        throw notYet("semaphores");
    }

    @Override
    public dev.whylock.engine.Latch latch(String n, int count) {
        throw notYet("latches");
    }

    @Override
    public dev.whylock.engine.Barrier barrier(String n, int parties) {
        throw notYet("barriers");
    }

    @Override
    public Task currentTask() {
        throw notYet("currentTask");
    }

    @Override
    public boolean join(Task task, long timeoutMillis, String site) {
        throw notYet("timed joins");
    }

    @Override
    public void park(String site) {
        throw notYet("park");
    }

    @Override
    public void park(long timeoutMillis, String site) {
        throw notYet("park");
    }

    @Override
    public void unpark(Task task, String site) {
        throw notYet("unpark");
    }

    @Override
    public void interrupt(Task task, String site) {
        throw notYet("interrupt");
    }

    @Override
    public boolean interrupted(String site) {
        throw notYet("interrupted");
    }

    @Override
    public boolean isInterrupted(Task task, String site) {
        throw notYet("isInterrupted");
    }
}
