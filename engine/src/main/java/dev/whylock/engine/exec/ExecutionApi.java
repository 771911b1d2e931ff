package dev.whylock.engine.exec;

import dev.whylock.engine.Barrier;
import dev.whylock.engine.Completion;
import dev.whylock.engine.ExecutionRuntime;
import dev.whylock.engine.Field;
import dev.whylock.engine.Latch;
import dev.whylock.engine.Monitor;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Obj;
import dev.whylock.engine.Program;
import dev.whylock.engine.ReadWriteLock;
import dev.whylock.engine.Semaphore;
import dev.whylock.engine.Task;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.Work;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The program-facing side of an execution: turns each call of the {@link dev.whylock.engine.Env}
 * API into an {@link Action} that the scheduler performs, and handles the checks that need no
 * scheduling (lockdep_assert_held, WARN_ON, BUG_ON, NULL dereference).
 */
abstract class ExecutionApi implements ExecutionRuntime {

    final Program program;
    private int nextId;

    ExecutionApi(Program program) {
        this.program = program;
    }

    // ---------------------------------------------------------------- what the scheduler provides

    /** Publishes the running task's next operation; {@link #await} then yields until it has run. */
    abstract Op pend(Action action, String site);

    abstract Object await(Op op);

    final Object perform(Action action, String site) {
        return await(pend(action, site));
    }

    abstract TaskState current();

    abstract TaskState newTask(String name, TaskState.Role role, Runnable body, WorkState work);

    abstract void record(ViolationKind kind, String message, int task);

    abstract void recordAssertion(ExecutionOutcome.AssertionCheck check);

    abstract int steps();

    abstract long clock();

    /** Whether virtual time is the timed mode's (declared durations only). */
    abstract boolean timed();

    abstract WorkState workState(Work w);

    abstract void registerWork(Work w);

    abstract void registerLock(Mutex m);

    abstract Held held(Mutex m);

    abstract Mutex actualLock(Mutex m, String site);

    abstract void addInvariant(String name, Supplier<String> check);

    private int currentId() {
        TaskState t = current();
        return t == null ? -1 : t.id;
    }

    private void fatalFromTask(ViolationKind kind, String message) {
        record(kind, message, currentId());
        throw Execution.Abort.INSTANCE;
    }

    // ---------------------------------------------------------------- objects and fields

    @Override
    public int register(Obj obj) {
        return nextId++;
    }

    @Override
    public Mutex mutex(String lockClass) {
        Mutex m = new Mutex(this, lockClass, nextId++);
        registerLock(m);
        return m;
    }

    @Override
    public <T> Field<T> field(String name, T initial) {
        return new Field<>(this, null, name, initial, nextId++);
    }

    @Override
    public <T> Field<T> field(Obj owner, String name, T initial) {
        return new Field<>(this, owner, name, initial, nextId++);
    }

    @Override
    public Completion completion(String name) {
        return new Completion(this, name, nextId++);
    }

    @Override
    public Work work(String name, Runnable fn) {
        Work w = new Work(this, name, fn, nextId++);
        registerWork(w);
        return w;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T read(Field<T> f, String site) {
        return (T) perform(new FieldActions.Read(f, false), site);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T read(Field<T> f, String site, boolean ordered) {
        return (T) perform(new FieldActions.Read(f, ordered), site);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void write(Field<T> f, T value, String site) {
        perform(new FieldActions.Write((Field<Object>) f, value), site);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T update(Field<T> f, UnaryOperator<T> fn, String site) {
        return (T) perform(new FieldActions.Update((Field<Object>) f, (UnaryOperator<Object>) fn, false), site);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T update(Field<T> f, UnaryOperator<T> fn, String site, boolean ordered) {
        return (T) perform(new FieldActions.Update((Field<Object>) f, (UnaryOperator<Object>) fn, ordered), site);
    }

    @Override
    public void free(Obj obj, String site) {
        if (obj == null) {
            return; // kfree(NULL) is a no-op
        }
        perform(new ObjActions.Free(obj), site);
    }

    @Override
    public <T extends Obj> T deref(T pointer, String what) {
        if (pointer == null) {
            fatalFromTask(ViolationKind.NULL_DEREFERENCE, "NULL pointer dereference of " + what + " in " + taskName());
        }
        perform(new ObjActions.Deref(pointer), what);
        return pointer;
    }

    // ---------------------------------------------------------------- tasks

    @Override
    public Task spawn(String name, Runnable body) {
        TaskState child = newTask(name, TaskState.Role.SPAWNED, body, null);
        return new Task(child.id, name);
    }

    @Override
    public void join(Task task) {
        perform(new TaskActions.Join(taskState(task.id()), task), null);
    }

    abstract TaskState taskState(int id);

    @Override
    public String taskName() {
        TaskState t = current();
        return t == null ? "?" : t.name;
    }

    // ---------------------------------------------------------------- locks

    @Override
    public void lock(Mutex m, String site) {
        if (m.kind() != Mutex.Kind.MUTEX) {
            javaSync().lockByIdentity(m, site);
            return;
        }
        acquire(m, site, false);
    }

    @Override
    public boolean tryLock(Mutex m, String site) {
        if (m.kind() != Mutex.Kind.MUTEX) {
            return javaSync().tryLockByIdentity(m, site);
        }
        return (Boolean) acquire(m, site, true);
    }

    private Object acquire(Mutex m, String site, boolean tryOnly) {
        Mutex actual = actualLock(m, site);
        Op op = pend(new LockActions.Acquire(m, actual, tryOnly), site);
        op.lock = actual;
        op.note = actual == null ? "removed" : actual != m ? "replaced by " + actual.lockClass() : null;
        return await(op);
    }

    @Override
    public void unlock(Mutex m, String site) {
        if (m.kind() != Mutex.Kind.MUTEX) {
            javaSync().unlockByIdentity(m, site);
            return;
        }
        Held h = held(m);
        if (h == null) {
            fatalFromTask(ViolationKind.BUG, "mutex_unlock of " + m.lockClass() + " in " + site + " by " + taskName()
                    + ", which does not hold it");
        }
        Op op = pend(new LockActions.Release(h), site);
        op.lock = h.actual();
        op.note = h.actual() == null ? "removed" : h.actual() != m ? "replaced by " + h.actual().lockClass() : null;
        await(op);
    }

    @Override
    public void assertHeld(Mutex m, String site) {
        Held h = held(m);
        boolean ok = h != null && h.actual() == m;
        recordAssertion(new ExecutionOutcome.AssertionCheck(m.lockClass(), site, currentId(), steps(), true, ok));
        if (!ok) {
            record(ViolationKind.ASSERTION, "lockdep_assert_held(" + m.lockClass() + ") failed in " + site
                    + ": " + taskName() + " does not hold it", currentId());
        }
    }

    @Override
    public void assertLocked(Mutex m, String site) {
        boolean locked = isLocked(m, site);
        recordAssertion(new ExecutionOutcome.AssertionCheck(m.lockClass(), site, currentId(), steps(), false, locked));
        if (!locked) {
            record(ViolationKind.ASSERTION, "assertion that " + m.lockClass() + " is held failed in " + site
                    + " (ASSERT_RTNL-style): no task holds it", currentId());
        }
    }

    @Override
    public boolean isLocked(Mutex m, String site) {
        if (m.kind() != Mutex.Kind.MUTEX) {
            return javaSync().isLockedByIdentity(m, site);
        }
        return (Boolean) perform(new LockActions.IsLocked(m), site);
    }

    // ---------------------------------------------------------------- work items

    @Override
    public boolean queue(Work w, long delayMillis, String site) {
        return (Boolean) perform(new WorkActions.Queue(workState(w), delayMillis, false), site);
    }

    @Override
    public boolean modify(Work w, long delayMillis, String site) {
        return (Boolean) perform(new WorkActions.Queue(workState(w), delayMillis, true), site);
    }

    @Override
    public boolean cancel(Work w, boolean sync, String site) {
        return (Boolean) perform(new WorkActions.Cancel(workState(w), sync), site);
    }

    @Override
    public void flush(Work w, String site) {
        perform(new WorkActions.Flush(workState(w)), site);
    }

    @Override
    public boolean pending(Work w, String site) {
        return (Boolean) perform(new WorkActions.Pending(workState(w)), site);
    }

    @Override
    public void settle() {
        perform(new QuiescenceActions.Settle(), "settle");
    }

    // ---------------------------------------------------------------- completions

    @Override
    public void complete(Completion c, boolean all, String site) {
        perform(new CompletionActions.Complete(c, all), site);
    }

    @Override
    public void waitFor(Completion c, String site) {
        perform(new CompletionActions.WaitFor(c), site);
    }

    // ---------------------------------------------------------------- checks and values

    @Override
    public boolean warnOn(boolean condition, String message) {
        if (condition) {
            record(ViolationKind.WARNING, "WARN_ON: " + message, currentId());
        }
        return condition;
    }

    @Override
    public void bugOn(boolean condition, String message) {
        if (condition) {
            fatalFromTask(ViolationKind.BUG, "BUG_ON: " + message);
        }
    }

    @Override
    public void fail(ViolationKind kind, String message) {
        if (kind.fatal()) {
            fatalFromTask(kind, message);
        } else {
            record(kind, message, currentId());
        }
    }

    @Override
    public void invariant(String name, Supplier<String> check) {
        addInvariant(name, check);
    }

    @Override
    public int choose(String label, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("choose needs n > 0, got " + n);
        }
        if (n == 1) {
            return 0;
        }
        return (Integer) perform(new ValueActions.Choose(label, n), label);
    }

    @Override
    public long now() {
        return (Long) perform(new TimeActions.Now(), "now");
    }

    // ---------------------------------------------------------------- Java synchronisation (SyncApi)

    private SyncApi javaSync;

    /** The Java synchronisation state of the execution. */
    abstract SyncTable sync();

    /** Whether timers expire in deadline order (ordered timing). */
    abstract boolean orderedTimers();


    /**
     * Whether a timed wait's timeout may expire only at particular points (ordered timing: when its
     * timer is the earliest armed; timed: once time reaches its deadline) rather than at any later step.
     */
    final boolean timeoutsOrdered() {
        return orderedTimers() || timed();
    }

    /** A fresh object id. */
    int newId() {
        return nextId++;
    }

    /** How many object ids were handed out so far (objects made later have larger ids). */
    int idsSoFar() {
        return nextId;
    }

    final SyncApi javaSync() {
        if (javaSync == null) {
            javaSync = new SyncApi(this);
        }
        return javaSync;
    }

    @Override
    public void sleep(long millis, String site) {
        if (!timed()) {
            return; // untimed and ordered: a sleep may end at any later point, which every later step already is
        }
        perform(new TimeActions.Sleep(millis), site);
    }

    @Override
    public Monitor monitor(String lockClass) {
        return new Monitor(javaSync(), javaSync().newLock(lockClass, Mutex.Kind.REENTRANT));
    }

    @Override
    public ReadWriteLock readWriteLock(String lockClass) {
        return new ReadWriteLock(javaSync(), javaSync().newLock(lockClass, Mutex.Kind.READ_WRITE));
    }

    @Override
    public Semaphore semaphore(String name, int permits) {
        return javaSync().semaphore(name, permits);
    }

    @Override
    public Latch latch(String name, int count) {
        return javaSync().latch(name, count);
    }

    @Override
    public Barrier barrier(String name, int parties) {
        return javaSync().barrier(name, parties);
    }

    @Override
    public Task currentTask() {
        TaskState t = current();
        return new Task(t.id, t.name);
    }

    @Override
    public boolean join(Task task, long timeoutMillis, String site) throws InterruptedException {
        return javaSync().join(taskState(task.id()), task, timeoutMillis, site);
    }

    @Override
    public void sleepInterruptibly(long millis, String site) throws InterruptedException {
        javaSync().sleep(millis, site);
    }

    @Override
    public void park(String site) {
        javaSync().park(-1, site);
    }

    @Override
    public void park(long timeoutMillis, String site) {
        javaSync().park(Math.max(0, timeoutMillis), site);
    }

    @Override
    public void unpark(Task task, String site) {
        perform(new ThreadActions.Unpark(taskState(task.id()), task), site);
    }

    @Override
    public void interrupt(Task task, String site) {
        perform(new ThreadActions.Interrupt(taskState(task.id()), task), site);
    }

    @Override
    public boolean interrupted(String site) {
        return (Boolean) perform(new ThreadActions.IsInterrupted(current(), currentTask(), true), site);
    }

    @Override
    public boolean isInterrupted(Task task, String site) {
        return (Boolean) perform(new ThreadActions.IsInterrupted(taskState(task.id()), task, false), site);
    }
}
