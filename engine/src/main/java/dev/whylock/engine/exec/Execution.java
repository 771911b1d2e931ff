package dev.whylock.engine.exec;

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
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One execution of a program under the controlled scheduler: tasks run as coroutines, yield before
 * each visible operation, and the {@link Chooser} decides which pending operation runs next. The
 * scheduler itself performs the operations, so their effects are atomic and recorded in order.
 */
public final class Execution implements ExecutionRuntime {

    /** Unwinds a task after a fatal violation; never escapes the engine. */
    /** Returned by {@code execute} when the operation killed its task. */
    private static final Op KILLED = new Op(OpKind.NOP, Access.NOP, null, null, null);

    static final class Abort extends RuntimeException {
        static final Abort INSTANCE = new Abort();

        private Abort() {
            super(null, null, false, false);
        }
    }

    private final Program program;
    private final RunConfig config;
    private final Chooser chooser;
    private final Backend backend;

    private final List<TaskState> tasks = new ArrayList<>();
    private final List<Op> log = new ArrayList<>();
    private final List<RawViolation> violations = new ArrayList<>();
    private final Map<String, Supplier<String>> invariants = new LinkedHashMap<>();
    private final List<Integer> decisions = new ArrayList<>();
    private final WorkTable works = new WorkTable();
    private final LockTable locks;
    private final List<ExecutionOutcome.TaskInfo> taskInfos = new ArrayList<>();
    private final List<ExecutionOutcome.AssertionCheck> assertions = new ArrayList<>();

    private int nextId;
    private long now;
    private boolean running;
    private boolean setupDone;
    private boolean bounded;
    private int preemptions;
    private int lastTask = -1;
    private TaskState current;
    private RawViolation fatal;
    private ExecutionOutcome.Status status;

    public Execution(Program program, RunConfig config, Chooser chooser) {
        this.program = program;
        this.config = config;
        this.chooser = chooser;
        this.backend = config.backend();
        this.locks = new LockTable(config.experiments(), this::mutex);
    }

    /** Runs the program until no task can run (or the strategy abandons it); a fatal violation kills only its own task. */
    public ExecutionOutcome run() {
        Runtimes.install(this);
        running = true;
        try {
            TaskState main = newTask("main", () -> {
                program.setup(this);
                setupDone = true;
                program.run(this);
            }, null);
            chooser.taskCreated(main.id, -1);
            startTask(main);
            loop();
        } finally {
            running = false;
            for (TaskState t : tasks) {
                if (!t.done) {
                    t.co.discard();
                }
            }
        }
        if (status == ExecutionOutcome.Status.COMPLETE) {
            checkInvariants("at the end of the execution");
            if (fatal != null) {
                status = ExecutionOutcome.Status.VIOLATION;
            }
        }
        return new ExecutionOutcome(status, List.copyOf(violations), List.copyOf(log), preemptions,
                List.copyOf(decisions), bounded, taskNames(), List.copyOf(taskInfos), List.copyOf(assertions));
    }

    private void loop() {
        // A fatal violation kills only the task that hit it (as an oops does); the others run on,
        // so that the execution stays maximal and the partial-order reduction sees every race.
        // Later violations in the same execution are consequences and are not recorded.
        while (true) {
            if (log.size() >= config.maxSteps()) {
                record(ViolationKind.STEP_LIMIT, "the execution exceeded " + config.maxSteps()
                        + " steps without finishing (livelock or unbounded work)", null, lastTask);
                if (setupDone) {
                    chooser.truncated(point(enabledTasks()));
                }
                status = ExecutionOutcome.Status.VIOLATION;
                return;
            }
            BitSet enabled = enabledTasks();
            if (enabled.isEmpty()) {
                if (!allFinished()) {
                    if (setupDone) {
                        chooser.stuck(point(enabled));
                    }
                    record(ViolationKind.DEADLOCK, deadlockMessage(), null, lastTask);
                }
                status = fatal != null ? ExecutionOutcome.Status.VIOLATION : ExecutionOutcome.Status.COMPLETE;
                return;
            }
            boolean fixed = !setupDone;
            int t;
            if (fixed) {
                t = deterministicPick(enabled);
            } else {
                t = chooser.pickTask(point(enabled));
                if (t == Chooser.ABANDON) {
                    status = ExecutionOutcome.Status.ABANDONED;
                    return;
                }
                if (t < 0 || t >= tasks.size() || !enabled.get(t)) {
                    throw new IllegalStateException("strategy chose task " + t + ", which is not enabled at step " + log.size());
                }
                decisions.add(t);
            }
            TaskState ts = tasks.get(t);
            Op op = ts.pending;
            ts.pending = null;
            op.task = t;
            op.step = log.size();
            if (lastTask >= 0 && lastTask != t && enabled.get(lastTask)) {
                op.preemption = true;
                preemptions++;
            }
            log.add(op);
            lastTask = t;
            current = ts;
            Op followUp = execute(ts, op, fixed);
            chooser.executed(op, fixed);
            if (followUp == KILLED) {
                kill(ts);
            } else if (followUp != null) {
                ts.pending = followUp;
            } else {
                resume(ts);
            }
            if (fatal == null && setupDone && quiescent()) {
                checkInvariants("while quiescent");
            }
        }
    }

    // ---------------------------------------------------------------- tasks

    private TaskState newTask(String name, Runnable body, WorkState work) {
        TaskState ts = new TaskState(tasks.size(), name, work);
        Runnable wrapped = () -> {
            try {
                body.run();
            } catch (ThreadBackend.Discarded d) {
                throw d;
            } catch (Abort a) {
                // The violation is recorded; the task just ends.
            } catch (Throwable e) {
                ts.failure = e;
            }
        };
        ts.co = backend.create(name, wrapped);
        tasks.add(ts);
        taskInfos.add(new ExecutionOutcome.TaskInfo(name, current == null ? -1 : current.id, log.size(),
                work == null ? null : work.work.name()));
        return ts;
    }

    /** Runs a new task up to its first visible operation. */
    private void startTask(TaskState ts) {
        resume(ts);
    }

    /** Ends a task that hit a fatal violation inside an operation: it never runs again; its locks stay held. */
    private void kill(TaskState ts) {
        ts.done = true;
        ts.pending = null;
        ts.co.discard();
    }

    private void resume(TaskState ts) {
        TaskState saved = current;
        current = ts;
        boolean finished = ts.co.resume();
        current = saved;
        if (finished) {
            ts.done = true;
            ts.pending = null;
            if (ts.failure != null && fatal == null) {
                Throwable e = ts.failure;
                record(ViolationKind.EXCEPTION, "uncaught " + e.getClass().getName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " in task " + ts.name, null, ts.id);
            }
        }
    }

    /** Called on a task's coroutine: publishes its next operation and yields until it has been executed. */
    private Object perform(Op op) {
        TaskState me = current;
        if (me == null || !running) {
            throw new IllegalStateException("visible operations are only allowed inside a running execution");
        }
        me.pending = op;
        backend.yieldNow();
        return op.result;
    }

    private Access access(OpKind kind, int loc) {
        return new Access(kind, loc, -1);
    }

    @Override
    public Task spawn(String name, Runnable body) {
        TaskState parent = current;
        TaskState child = newTask(name, body, null);
        chooser.taskCreated(child.id, parent == null ? -1 : parent.id);
        startTask(child);
        current = parent;
        return new Task(child.id, name);
    }

    @Override
    public void join(Task task) {
        perform(new Op(OpKind.JOIN, access(OpKind.JOIN, task.id()), task, null, null));
    }

    @Override
    public String taskName() {
        return current == null ? "?" : current.name;
    }

    // ---------------------------------------------------------------- objects and fields

    private int id() {
        return nextId++;
    }

    @Override
    public int register(Obj obj) {
        return id();
    }

    @Override
    public dev.whylock.engine.Mutex mutex(String lockClass) {
        Mutex m = new Mutex(this, lockClass, id());
        locks.register(m);
        return m;
    }

    @Override
    public <T> Field<T> field(String name, T initial) {
        return new Field<>(this, null, name, initial, id());
    }

    @Override
    public <T> Field<T> field(Obj owner, String name, T initial) {
        return new Field<>(this, owner, name, initial, id());
    }

    @Override
    public Completion completion(String name) {
        return new Completion(this, name, id());
    }

    @Override
    public Work work(String name, Runnable fn) {
        Work w = new Work(this, name, fn, id());
        works.add(w);
        return w;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T read(Field<T> f, String site) {
        Obj o = f.owner();
        return (T) perform(new Op(OpKind.READ, new Access(OpKind.READ, f.id(), o == null ? -1 : o.objId()), f, site, null));
    }

    @Override
    public <T> void write(Field<T> f, T value, String site) {
        Obj o = f.owner();
        perform(new Op(OpKind.WRITE, new Access(OpKind.WRITE, f.id(), o == null ? -1 : o.objId()), f, site, value));
    }

    /** The argument of a WRITE that is an atomic read-modify-write. */
    record Update(java.util.function.UnaryOperator<Object> fn) {}

    @Override
    @SuppressWarnings("unchecked")
    public <T> T update(Field<T> f, java.util.function.UnaryOperator<T> fn, String site) {
        Obj o = f.owner();
        Op op = new Op(OpKind.WRITE, new Access(OpKind.WRITE, f.id(), o == null ? -1 : o.objId()), f, site,
                new Update((java.util.function.UnaryOperator<Object>) fn));
        return (T) perform(op);
    }

    @Override
    public void free(Obj obj, String site) {
        if (obj == null) {
            return; // kfree(NULL) is a no-op
        }
        perform(new Op(OpKind.FREE, access(OpKind.FREE, obj.objId()), obj, site, null));
    }

    @Override
    public <T extends Obj> T deref(T pointer, String what) {
        if (pointer == null) {
            fatalFromTask(ViolationKind.NULL_DEREFERENCE, "NULL pointer dereference of " + what + " in " + taskName());
        }
        perform(new Op(OpKind.DEREF, access(OpKind.DEREF, pointer.objId()), pointer, what, null));
        return pointer;
    }

    // ---------------------------------------------------------------- locks

    @Override
    public void lock(Mutex m, String site) {
        acquire(m, site, OpKind.ACQUIRE);
    }

    @Override
    public boolean tryLock(Mutex m, String site) {
        return (Boolean) acquire(m, site, OpKind.TRYLOCK);
    }

    private Object acquire(Mutex m, String site, OpKind kind) {
        Mutex actual = locks.actual(m, site);
        Access a = actual == null ? Access.NOP : access(kind, actual.id());
        Op op = new Op(kind, a, m, site, actual);
        op.lock = actual;
        if (actual == null) {
            op.note = "removed";
        } else if (actual != m) {
            op.note = "replaced by " + actual.lockClass();
        }
        return perform(op);
    }

    private static String describe(Mutex m, Mutex actual) {
        return actual == m ? m.lockClass() : actual.lockClass() + " (replacing " + m.lockClass() + ")";
    }

    @Override
    public void unlock(Mutex m, String site) {
        TaskState me = current;
        Held h = me.findHeld(m);
        if (h == null) {
            fatalFromTask(ViolationKind.BUG, "mutex_unlock of " + m.lockClass() + " in " + site + " by " + me.name
                    + ", which does not hold it");
        }
        Access a = h.actual() == null ? Access.NOP : access(OpKind.RELEASE, h.actual().id());
        Op op = new Op(OpKind.RELEASE, a, m, site, h);
        op.lock = h.actual();
        op.note = h.actual() == null ? "removed" : h.actual() != m ? "replaced by " + h.actual().lockClass() : null;
        perform(op);
    }

    @Override
    public void assertHeld(Mutex m, String site) {
        TaskState me = current;
        Held h = me.findHeld(m);
        boolean ok = h != null && h.actual() == m;
        assertions.add(new ExecutionOutcome.AssertionCheck(m.lockClass(), site, me.id, log.size(), true, ok));
        if (!ok) {
            record(ViolationKind.ASSERTION, "lockdep_assert_held(" + m.lockClass() + ") failed in " + site
                    + ": " + me.name + " does not hold it", site, me.id);
        }
    }

    @Override
    public void assertLocked(Mutex m, String site) {
        boolean locked = isLocked(m, site);
        assertions.add(new ExecutionOutcome.AssertionCheck(m.lockClass(), site, current.id, log.size(), false, locked));
        if (!locked) {
            record(ViolationKind.ASSERTION, "assertion that " + m.lockClass() + " is held failed in " + site
                    + " (ASSERT_RTNL-style): no task holds it", site, current.id);
        }
    }

    @Override
    public boolean isLocked(Mutex m, String site) {
        return (Boolean) perform(new Op(OpKind.LOCK_CHECK, access(OpKind.LOCK_CHECK, m.id()), m, site, null));
    }

    // ---------------------------------------------------------------- work items

    @Override
    public boolean queue(Work w, long delayMillis, String site) {
        return (Boolean) perform(new Op(OpKind.WORK_QUEUE, access(OpKind.WORK_QUEUE, w.id()), w, site, delayMillis));
    }

    @Override
    public boolean modify(Work w, long delayMillis, String site) {
        return (Boolean) perform(new Op(OpKind.WORK_MODIFY, access(OpKind.WORK_MODIFY, w.id()), w, site, delayMillis));
    }

    @Override
    public boolean cancel(Work w, boolean sync, String site) {
        return (Boolean) perform(new Op(OpKind.WORK_CANCEL, access(OpKind.WORK_CANCEL, w.id()), w, site, sync));
    }

    @Override
    public void flush(Work w, String site) {
        perform(new Op(OpKind.WORK_FLUSH, access(OpKind.WORK_FLUSH, w.id()), w, site, null));
    }

    @Override
    public boolean pending(Work w, String site) {
        return (Boolean) perform(new Op(OpKind.WORK_PENDING, access(OpKind.WORK_PENDING, w.id()), w, site, null));
    }

    @Override
    public void settle() {
        perform(new Op(OpKind.SETTLE, access(OpKind.SETTLE, -1), null, "settle", null));
    }

    private void workerBody(WorkState ws) {
        Work w = ws.work;
        while (true) {
            perform(new Op(OpKind.WORK_START, access(OpKind.WORK_START, w.id()), w, w.name(), null));
            w.fn().run();
            perform(new Op(OpKind.WORK_FINISH, access(OpKind.WORK_FINISH, w.id()), w, w.name(), null));
        }
    }

    /** Makes a work item pending (a timer with {@code delay}); creates its worker on first use. */
    private boolean arm(WorkState ws, long delay, int creator) {
        if (!works.arm(ws, now, delay)) {
            bounded = true;
            return false;
        }
        if (ws.worker == null) {
            ws.worker = newTask("kworker:" + ws.work.name(), () -> workerBody(ws), ws);
            chooser.taskCreated(ws.worker.id, creator);
            TaskState saved = current;
            startTask(ws.worker);
            current = saved;
        }
        return true;
    }

    // ---------------------------------------------------------------- completions

    @Override
    public void complete(Completion c, boolean all, String site) {
        perform(new Op(OpKind.COMPLETE, access(OpKind.COMPLETE, c.id()), c, site, all));
    }

    @Override
    public void waitFor(Completion c, String site) {
        perform(new Op(OpKind.WAIT_COMPLETION, access(OpKind.WAIT_COMPLETION, c.id()), c, site, null));
    }

    // ---------------------------------------------------------------- checks

    @Override
    public boolean warnOn(boolean condition, String message) {
        if (condition) {
            record(ViolationKind.WARNING, "WARN_ON: " + message, null, current == null ? -1 : current.id);
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
            record(kind, message, null, current == null ? -1 : current.id);
        }
    }

    @Override
    public void invariant(String name, Supplier<String> check) {
        invariants.put(name, check);
    }

    @Override
    public int choose(String label, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("choose needs n > 0, got " + n);
        }
        if (n == 1) {
            return 0;
        }
        return (Integer) perform(new Op(OpKind.CHOOSE, access(OpKind.CHOOSE, -1), null, label, n));
    }

    @Override
    public long now() {
        return now;
    }

    private void fatalFromTask(ViolationKind kind, String message) {
        record(kind, message, null, current == null ? -1 : current.id);
        throw Abort.INSTANCE;
    }

    private void record(ViolationKind kind, String message, String site, int task) {
        if (fatal != null) {
            return;
        }
        RawViolation v = new RawViolation(kind, message, task, log.size());
        if (kind.fatal()) {
            if (fatal == null) {
                fatal = v;
                violations.add(v);
            }
        } else if (violations.stream().noneMatch(x -> x.kind() == kind && x.message().equals(message))) {
            violations.add(v);
        }
    }

    private void checkInvariants(String when) {
        for (Map.Entry<String, Supplier<String>> e : invariants.entrySet()) {
            String msg;
            try {
                msg = e.getValue().get();
            } catch (RuntimeException ex) {
                msg = "the check threw " + ex;
            }
            if (msg != null) {
                record(ViolationKind.INVARIANT, "invariant " + e.getKey() + " violated " + when + ": " + msg, null, lastTask);
                return;
            }
        }
    }

    // ---------------------------------------------------------------- scheduling

    private Op execute(TaskState ts, Op op, boolean fixed) {
        switch (op.kind) {
            case ACQUIRE -> {
                Mutex actual = (Mutex) op.arg;
                if (actual != null && locks.holder(actual) == ts.id) {
                    // Non-recursive mutex: the task would sleep forever waiting for itself.
                    record(ViolationKind.DEADLOCK, "self-deadlock: " + ts.name + " takes " + describe((Mutex) op.target, actual)
                            + " in " + op.site + " while already holding it (taken in " + locks.site(actual) + ")", op.site, ts.id);
                    return KILLED;
                }
                if (actual != null) {
                    locks.take(actual, ts.id, op.site);
                }
                ts.held.add(new Held((Mutex) op.target, actual, op.site));
            }
            case TRYLOCK -> {
                Mutex actual = (Mutex) op.arg;
                boolean ok = actual == null || locks.free(actual);
                if (ok) {
                    if (actual != null) {
                        locks.take(actual, ts.id, op.site);
                    }
                    ts.held.add(new Held((Mutex) op.target, actual, op.site));
                }
                op.result = ok;
                if (!ok) {
                    op.lock = null;
                }
            }
            case RELEASE -> {
                Held h = (Held) op.arg;
                ts.held.remove(h);
                if (h.actual() != null) {
                    locks.release(h.actual());
                }
            }
            case LOCK_CHECK -> op.result = !locks.free((Mutex) op.target);
            case READ, WRITE -> {
                @SuppressWarnings("unchecked")
                Field<Object> f = (Field<Object>) op.target;
                if (f.owner() != null && f.owner().isFreed()) {
                    record(ViolationKind.USE_AFTER_FREE, (op.kind == OpKind.READ ? "read of " : "write to ") + f.name()
                            + " in " + op.site + " after " + f.owner().type() + " was freed in " + f.owner().freedAt(), op.site, ts.id);
                    return KILLED;
                } else if (op.kind == OpKind.READ) {
                    op.result = f.peek();
                } else if (op.arg instanceof Update u) {
                    op.result = f.peek();
                    op.arg = u.fn().apply(f.peek());
                    f.store(op.arg);
                } else {
                    f.store(op.arg);
                }
            }
            case FREE -> {
                Obj o = (Obj) op.target;
                if (o.isFreed()) {
                    record(ViolationKind.USE_AFTER_FREE, "double kfree of " + o.type() + " in " + op.site
                            + " (first freed in " + o.freedAt() + ")", op.site, ts.id);
                    return KILLED;
                } else {
                    o.markFreed(op.site);
                }
            }
            case DEREF -> {
                Obj o = (Obj) op.target;
                if (o.isFreed()) {
                    record(ViolationKind.USE_AFTER_FREE, "use of " + op.site + " (" + o.type() + ") in " + ts.name
                            + " after it was freed in " + o.freedAt(), op.site, ts.id);
                    return KILLED;
                }
            }
            case WORK_QUEUE -> {
                WorkState ws = works.get(op.access.loc());
                op.result = !ws.pending && arm(ws, (Long) op.arg, ts.id);
            }
            case WORK_MODIFY -> {
                WorkState ws = works.get(op.access.loc());
                boolean was = ws.pending;
                arm(ws, (Long) op.arg, ts.id);
                op.result = was;
            }
            case WORK_CANCEL -> {
                WorkState ws = works.get(op.access.loc());
                op.result = ws.pending;
                ws.pending = false;
                if ((Boolean) op.arg && ws.running) {
                    ts.waitTarget = ws.startedGen;
                    return new Op(OpKind.WORK_WAIT, access(OpKind.WORK_WAIT, ws.work.id()), ws.work, op.site, null);
                }
            }
            case WORK_FLUSH -> {
                WorkState ws = works.get(op.access.loc());
                if (ws.flushTarget() >= 0) {
                    ts.waitTarget = ws.flushTarget();
                    return new Op(OpKind.WORK_WAIT, access(OpKind.WORK_WAIT, ws.work.id()), ws.work, op.site, null);
                }
            }
            case WORK_PENDING -> op.result = works.get(op.access.loc()).pending;
            case WORK_START -> {
                WorkState ws = ts.work;
                ws.pending = false;
                ws.running = true;
                ws.starts++;
                ws.startedGen = ws.queuedGen;
                now = Math.max(now, ws.deadline);
            }
            case WORK_FINISH -> {
                WorkState ws = ts.work;
                ws.running = false;
                ws.doneGen = ws.startedGen;
            }
            case COMPLETE -> {
                Completion c = (Completion) op.target;
                c.setDone((Boolean) op.arg ? Integer.MAX_VALUE : c.done() == Integer.MAX_VALUE ? c.done() : c.done() + 1);
            }
            case WAIT_COMPLETION -> {
                Completion c = (Completion) op.target;
                if (c.done() != Integer.MAX_VALUE) {
                    c.setDone(c.done() - 1);
                }
            }
            case CHOOSE -> {
                int n = (Integer) op.arg;
                int v = fixed ? 0 : chooser.pickValue(op.step, n);
                if (v < 0 || v >= n) {
                    throw new IllegalStateException("strategy chose value " + v + " outside [0, " + n + ")");
                }
                if (!fixed) {
                    decisions.add(v);
                }
                op.result = v;
            }
            case JOIN, WORK_WAIT, SETTLE, NOP -> {
                // Only their enabling condition matters.
            }
        }
        return null;
    }

    private boolean isEnabled(TaskState ts) {
        Op op = ts.pending;
        if (ts.done || op == null) {
            return false;
        }
        return switch (op.kind) {
            case ACQUIRE -> op.arg == null || locks.free((Mutex) op.arg) || locks.holder((Mutex) op.arg) == ts.id;
            case JOIN -> tasks.get(op.access.loc()).done;
            case WORK_START -> ts.work.pending && timerDue(ts.work);
            case WORK_WAIT -> works.get(op.access.loc()).doneGen >= ts.waitTarget;
            case WAIT_COMPLETION -> ((Completion) op.target).done() > 0;
            case SETTLE -> works.idle();
            default -> true;
        };
    }

    private boolean timerDue(WorkState ws) {
        return (config.timing() == RunConfig.Timing.UNTIMED && setupDone) || works.earliest(ws);
    }

    private BitSet enabledTasks() {
        BitSet b = new BitSet(tasks.size());
        for (TaskState ts : tasks) {
            if (isEnabled(ts)) {
                b.set(ts.id);
            }
        }
        return b;
    }

    private int deterministicPick(BitSet enabled) {
        if (enabled.get(0)) {
            return 0;
        }
        int best = -1;
        for (int t = enabled.nextSetBit(0); t >= 0; t = enabled.nextSetBit(t + 1)) {
            if (best < 0 || key(tasks.get(t)) < key(tasks.get(best))) {
                best = t;
            }
        }
        return best;
    }

    private long key(TaskState ts) {
        return ts.work == null ? Long.MIN_VALUE : ts.work.deadline * 1_000_000L + ts.work.armSeq;
    }

    private boolean allFinished() {
        return tasks.stream().allMatch(TaskState::quiet);
    }

    /** No task but main is active and no work is pending or running. */
    private boolean quiescent() {
        return tasks.stream().skip(1).allMatch(TaskState::quiet);
    }

    private String deadlockMessage() {
        StringBuilder b = new StringBuilder("deadlock: every task is blocked");
        for (TaskState ts : tasks) {
            if (ts.done || ts.pending == null || (ts.work != null && !ts.work.running && ts.pending.kind == OpKind.WORK_START)) {
                continue;
            }
            b.append("; ").append(ts.name).append(' ').append(waitDescription(ts));
        }
        return b.toString();
    }

    private String waitDescription(TaskState ts) {
        Op op = ts.pending;
        return switch (op.kind) {
            case ACQUIRE -> {
                Mutex actual = (Mutex) op.arg;
                yield "waits for " + actual.lockClass() + " in " + op.site + ", held by " + tasks.get(locks.holder(actual)).name
                        + " (taken in " + locks.site(actual) + ")";
            }
            case JOIN -> "waits for task " + tasks.get(op.access.loc()).name + " to finish";
            case WORK_WAIT -> "waits in " + op.site + " for work " + op.target + " to finish";
            case WAIT_COMPLETION -> "waits for completion " + op.target + " in " + op.site;
            case SETTLE -> "waits for pending work to settle";
            default -> "is at " + op.kind.label();
        };
    }

    private SchedulingPoint point(BitSet enabled) {
        return new PointView(tasks, enabled, log.size(), lastTask);
    }

    private List<String> taskNames() {
        List<String> names = new ArrayList<>(tasks.size());
        for (TaskState ts : tasks) {
            names.add(ts.name);
        }
        return names;
    }
}
