package dev.whylock.engine.exec;

import dev.whylock.engine.Program;
import dev.whylock.engine.Runtimes;
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
 * scheduler itself performs the operations (their semantics live in the {@link Action} classes), so
 * their effects are atomic and logged in order, each with the footprint the search reasons about.
 */
public final class Execution extends ExecutionApi {

    /* Design: a step is one operation plus the task's private code up to its next operation. What
     * that private code does to the scheduler's state (spawning a task, finishing) belongs to the
     * step's footprint, so tasks created during a step are announced to the chooser only after the
     * step itself. Invariants are checked after setup: by a checker task at a quiescent point of the
     * search's choosing (once per execution), and at the end. */

    /** Unwinds a task after a fatal violation; never escapes the engine. */
    static final class Abort extends RuntimeException {
        static final Abort INSTANCE = new Abort();

        private Abort() {
            super(null, null, false, false);
        }
    }

    private final RunConfig config;
    private final Chooser chooser;
    private final Backend backend;

    private final List<TaskState> tasks = new ArrayList<>();
    private final List<Op> log = new ArrayList<>();
    private final List<RawViolation> violations = new ArrayList<>();
    /** For each violation, the step it was found in (-1: after the last step, at the end of the execution). */
    private final List<Integer> violationSteps = new ArrayList<>();
    /** Steps in which a task was killed by a fatal violation, with what its death touched. */
    private final Map<Integer, Footprint> deaths = new java.util.HashMap<>();
    /** Whether the deadlock at the end involves a lock held by a killed task. */
    private boolean deadlockOnKilledHolder;
    /** The waits of the deadlock about to be recorded. */
    private List<dev.whylock.engine.result.Wait> pendingWaits = List.of();
    private final Map<String, Supplier<String>> invariants = new LinkedHashMap<>();
    private final List<Integer> decisions = new ArrayList<>();
    private final WorkTable works = new WorkTable();
    private final LockTable locks;
    private final List<ExecutionOutcome.TaskInfo> taskInfos = new ArrayList<>();
    private final List<ExecutionOutcome.AssertionCheck> assertions = new ArrayList<>();
    /** Tasks created during the current step, announced to the chooser after it: (child, parent) pairs. */
    private final List<int[]> created = new ArrayList<>();

    private long now;
    private int busy;
    private int live;
    private boolean running;
    private boolean setupDone;
    private boolean bounded;
    private boolean checkerStarted;
    private int preemptions;
    private int lastTask = -1;
    private TaskState current;
    /**
     * Set when a task could not be suspended at a scheduling point ({@link Backend.Pinned}): on
     * continuations the execution is run again on threads ({@link PinnedFallback}); on threads it ends.
     */
    private String pinned;
    /** Chooser calls the run that pinned made: its re-run on threads replays them instead of asking again. */
    private int announced;
    private int executedSteps;

    /** The footprint of the step in progress, or null outside a step (the program's first segment). */
    private Footprint.Builder stepFootprint;
    /** The builder of every step's footprint, emptied per step (steps never nest): one less allocation per step. */
    private final Footprint.Builder stepBuilder = new Footprint.Builder();
    /** While invariants are evaluated: where their reads are recorded. */
    private Footprint.Builder checkReads;
    private ExecutionOutcome.Status status;

    public Execution(Program program, RunConfig config, Chooser chooser) {
        super(program);
        this.config = config;
        this.chooser = chooser;
        this.backend = PinnedFallback.backendFor(program, config.backend());
        this.locks = new LockTable(config.experiments(), (name, kind) -> kind == dev.whylock.engine.Mutex.Kind.MUTEX
                ? mutex(name) : javaSync().newLock(name, kind));
    }

    @Override
    public List<dev.whylock.engine.LockExperiment> experiments() {
        return config.experiments();
    }

    /** Runs the program until no task can run (or the strategy abandons it); a fatal violation kills only its own task. */
    public ExecutionOutcome run() {
        Runtimes.install(this);
        running = true;
        try {
            TaskState main = newTask("main", TaskState.Role.MAIN, () -> {
                program.setup(this);
                setupDone = true;
                if (!invariants.isEmpty()) {
                    startChecker();
                }
                program.run(this);
            }, null);
            announce(main.id, -1);
            if (timed()) {
                TaskState clock = newTask("clock", TaskState.Role.CLOCK, () -> TimeActions.clockBody(this), null);
                announce(clock.id, -1);
            }
            resume(main);
            announceCreated();
            loop();
        } finally {
            running = false;
            for (TaskState t : tasks) {
                if (!t.done) {
                    t.co.discard();
                }
            }
        }
        if (pinned != null && backend instanceof ContinuationBackend) {
            return PinnedFallback.onThreads(program, config, chooser, decisions, executedSteps, announced);
        }
        if (status == ExecutionOutcome.Status.COMPLETE) {
            checkInvariants("at the end of the execution", null);
            if (!violations.isEmpty() && violations.stream().anyMatch(v -> v.kind().fatal())) {
                status = ExecutionOutcome.Status.VIOLATION;
            }
        }
        return new ExecutionOutcome(status, markAfterFailure(), List.copyOf(log), preemptions,
                List.copyOf(decisions), bounded, taskNames(), List.copyOf(taskInfos), List.copyOf(assertions), timed());
    }

    private void loop() {
        while (true) {
            if (pinned != null) {
                if (backend instanceof ContinuationBackend) {
                    return; // run() runs the execution again on threads
                }
                // Given up, as a strategy gives up a redundant run: what follows was never explored,
                // and the program's note (not controlled) makes the result not exhaustive.
                program.notControlled(pinned);
                if (setupDone) {
                    chooser.ended(point(enabledTasks()), true); // the tasks' pending operations never ran
                }
                status = ExecutionOutcome.Status.ABANDONED;
                return;
            }
            if (log.size() >= config.maxSteps()) {
                record(ViolationKind.STEP_LIMIT, "the execution exceeded " + config.maxSteps()
                        + " steps without finishing (livelock or unbounded work)", lastTask);
                bounded = true; // what would have followed was never explored: the search is not exhaustive
                if (setupDone) {
                    chooser.ended(point(enabledTasks()), true);
                }
                status = ExecutionOutcome.Status.VIOLATION;
                return;
            }
            if (log.size() % RunConfig.Heartbeat.EVERY == RunConfig.Heartbeat.EVERY - 1 && config.heartbeat().beat(log.size())) {
                status = ExecutionOutcome.Status.INTERRUPTED;
                return;
            }
            BitSet enabled = enabledTasks();
            if (enabled.isEmpty()) {
                if (!allFinished()) {
                    String message = deadlockMessage();
                    // After a failure too when no task of the program waits (only quiescence, which a worker
                    // that died in its item's run prevents: the item stays running).
                    deadlockOnKilledHolder = waitsOnKilledHolder() || (pendingWaits.isEmpty() && killedWorkerLeftRunning());
                    record(ViolationKind.DEADLOCK, message, lastTask);
                }
                if (setupDone) {
                    chooser.ended(point(enabled), false);
                }
                status = violations.stream().anyMatch(v -> v.kind().fatal())
                        ? ExecutionOutcome.Status.VIOLATION : ExecutionOutcome.Status.COMPLETE;
                return;
            }
            boolean fixed = !setupDone;
            int t;
            if (fixed) {
                t = deterministicPick(enabled);
            } else {
                t = chooser.pickTask(point(enabled));
                if (t == Chooser.ABANDON) {
                    chooser.ended(point(enabled), false);
                    status = ExecutionOutcome.Status.ABANDONED;
                    return;
                }
                if (t < 0 || t >= tasks.size() || !enabled.get(t)) {
                    throw new IllegalStateException("strategy chose task " + t + ", which is not enabled at step " + log.size());
                }
                decisions.add(t);
            }
            step(tasks.get(t), enabled, fixed);
        }
    }

    /** Runs task {@code ts}'s pending operation and then its private code up to its next one. */
    private void step(TaskState ts, BitSet enabled, boolean fixed) {
        Op op = ts.pending;
        ts.pending = null;
        op.step = log.size();
        op.busyBefore = busy;
        op.liveBefore = live;
        op.idsBefore = idsSoFar();
        op.time = now;
        if (lastTask >= 0 && lastTask != ts.id && enabled.get(lastTask)) {
            op.preemption = true;
            preemptions++;
        }
        log.add(op);
        lastTask = ts.id;
        current = ts;
        Footprint.Builder fp = stepBuilder.reset();
        stepFootprint = fp;
        Action followUp = op.action.apply(this, ts, op, fp);
        if (followUp == Action.KILL) {
            kill(ts);
        } else if (followUp != null) {
            Op next = new Op(followUp, op.site);
            next.task = ts.id;
            ts.pending = next;
        } else {
            resume(ts);
        }
        if (pinned != null) {
            return; // a task pinned in its code after this step (or a task it started, in its first): not reported (the re-run on threads does)
        }
        stepFootprint = null;
        op.footprint = fp.build();
        chooser.executed(op, fixed);
        executedSteps++;
        announceCreated();
    }

    // ---------------------------------------------------------------- tasks

    @Override
    TaskState newTask(String name, TaskState.Role role, Runnable body, WorkState work) {
        TaskState ts = new TaskState(tasks.size(), name, role, work);
        Runnable wrapped = () -> {
            try {
                body.run();
            } catch (ThreadBackend.Discarded d) {
                throw d;
            } catch (Abort a) {
                // The violation is recorded; the task just ends.
                ts.killed = true;
            } catch (Backend.Pinned p) {
                // Not the program's failure: the execution stops here (loop), not exhaustive.
                pinned = "a scheduling point where the JVM cannot suspend task " + name + " (" + p.getMessage() + ")"
                        + (ts.pending != null && ts.pending.site() != null ? " at " + ts.pending.site() : "");
                ts.killed = true;
            } catch (Throwable e) {
                ts.failure = e;
                ts.killed = true;
            }
        };
        ts.co = backend.create(name, wrapped);
        tasks.add(ts);
        taskInfos.add(new ExecutionOutcome.TaskInfo(name, current == null ? -1 : current.id, log.size(),
                work == null ? null : work.work.name()));
        if (role == TaskState.Role.SPAWNED) {
            addLive(1);
        }
        if (current != null) {
            created.add(new int[] {ts.id, current.id});
        }
        if (role != TaskState.Role.MAIN) {
            TaskState saved = current;
            resume(ts);
            current = saved;
        }
        return ts;
    }

    private void announce(int task, int parent) {
        chooser.taskCreated(task, parent);
        announced++;
    }

    private void announceCreated() {
        if (created.isEmpty()) {
            return; // most steps create no task: no iterator for them
        }
        for (int[] c : created) {
            announce(c[0], c[1]);
        }
        created.clear();
    }

    /** Ends a task that hit a fatal violation inside an operation: it never runs again; its locks stay held. */
    private void kill(TaskState ts) {
        ts.killed = true;
        killedInThisStep(ts);
        ts.co.discard();
        finished(ts);
    }

    /**
     * Notes that {@code ts} died in the current step, killed by a violation: its end, the locks it
     * still holds and, for a worker, its work item left running; what depends on these may be a
     * consequence of the failure.
     */
    private void killedInThisStep(TaskState ts) {
        if (stepFootprint == null) {
            return;
        }
        Footprint.Builder death = new Footprint.Builder().modify(Footprint.taskObject(ts.id));
        if (ts.role == TaskState.Role.SPAWNED) {
            death.add(Footprint.LIVE, -1, 0);
        }
        if (ts.work != null) {
            death.modify(ts.work.work.id()).add(Footprint.BUSY, 0, 0);
        }
        for (Held h : ts.held) {
            if (h.actual() != null) {
                death.modify(h.actual().id());
            }
        }
        deaths.merge(log.size() - 1, death.build(), (a, b) -> merged(a, b));
    }

    private static Footprint merged(Footprint a, Footprint b) {
        Footprint.Builder m = new Footprint.Builder();
        for (Footprint f : List.of(a, b)) {
            for (int i = 0; i < f.size(); i++) {
                if (f.mode(i) == Footprint.ADD) {
                    m.add(f.object(i), f.delta(i), 0);
                } else if (f.mode(i) == Footprint.MODIFY) {
                    m.modify(f.object(i));
                } else {
                    m.observe(f.object(i));
                }
            }
        }
        return m.build();
    }

    private void resume(TaskState ts) {
        TaskState saved = current;
        current = ts;
        boolean done = ts.co.resume();
        current = saved;
        if (done) {
            if (ts.killed) {
                killedInThisStep(ts);
            }
            finished(ts);
            if (ts.failure != null) {
                Throwable e = ts.failure;
                record(ViolationKind.EXCEPTION, "uncaught " + e.getClass().getName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " in task " + ts.name, ts.id);
            }
        }
    }

    /** A task's end: part of the current step, which changes its liveness (and the live count). */
    private void finished(TaskState ts) {
        ts.done = true;
        ts.pending = null;
        if (stepFootprint != null) {
            stepFootprint.modify(Footprint.taskObject(ts.id), false);
        }
        if (ts.role == TaskState.Role.SPAWNED) {
            addLive(-1);
        }
    }

    private void addLive(int delta) {
        if (stepFootprint != null) {
            stepFootprint.add(Footprint.LIVE, delta, live);
        }
        live += delta;
    }

    @Override
    Op pend(Action action, String site) {
        TaskState me = current;
        if (me == null || !running) {
            throw new IllegalStateException("visible operations are only allowed inside a running execution");
        }
        Op op = new Op(action, site);
        op.task = me.id;
        me.pending = op;
        return op;
    }

    @Override
    Object await(Op op) {
        backend.yieldNow();
        return op.result;
    }

    @Override
    TaskState current() {
        return current;
    }

    // ---------------------------------------------------------------- state the actions use

    LockTable locks() {
        return locks;
    }

    WorkTable works() {
        return works;
    }

    TaskState task(int id) {
        return tasks.get(id);
    }

    @Override
    TaskState taskState(int id) {
        return tasks.get(id);
    }

    int busy() {
        return busy;
    }

    int live() {
        return live;
    }

    @Override
    long clock() {
        return now;
    }

    /** Untimed and ordered: a started timer moves the clock to its deadline (a commutative update: the maximum). */
    void advanceClock(long deadline, Footprint.Builder fp) {
        fp.add(Footprint.CLOCK, 0, now);
        now = Math.max(now, deadline);
    }

    boolean timed() {
        return config.timing() == RunConfig.Timing.TIMED;
    }

    RunConfig.Timing timing() {
        return config.timing();
    }

    /** Timed mode: the earliest deadline after now of an armed timer (a work item's or a task's own), or {@code Long.MIN_VALUE}. */
    long nextDeadline() {
        long next = Long.MAX_VALUE;
        for (TaskState ts : tasks) {
            if (ts.work != null && ts.work.pending && ts.work.deadline > now) {
                next = Math.min(next, ts.work.deadline);
            }
            WorkState own = sync.timerOf(ts.id);
            if (!ts.done && own != null && own.pending && own.deadline > now) {
                next = Math.min(next, own.deadline); // a Java sleep or timed wait (Timeouts)
            }
            if (!ts.done && ts.pending != null && ts.pending.action instanceof TimeActions.WakeUp w && w.at() > now) {
                next = Math.min(next, w.at()); // a kernel msleep
            }
        }
        return next == Long.MAX_VALUE ? Long.MIN_VALUE : next;
    }

    /** Timed mode: moves virtual time forward (the clock task's tick). */
    void advanceTimeTo(long t) {
        now = t;
    }

    void addBusy(int delta, Footprint.Builder fp) {
        fp.add(Footprint.BUSY, delta, busy);
        busy += delta;
    }

    /** Whether timers start in deadline order: in ordered timing, and always during setup. */
    boolean orderedTimers() {
        return config.timing() == RunConfig.Timing.ORDERED;
    }

    boolean timerDue(WorkState ws) {
        return switch (config.timing()) {
            case TIMED -> now >= ws.deadline;
            case UNTIMED -> setupDone || works.earliest(ws);
            case ORDERED -> works.earliest(ws);
        };
    }

    void markBounded() {
        bounded = true;
    }

    /** Creates the worker task of {@code ws} on its first arming, as part of the current step. */
    void ensureWorker(WorkState ws, TaskState creator) {
        if (ws.worker == null) {
            ws.worker = newTask("kworker:" + ws.work.name(), TaskState.Role.WORKER, () -> WorkActions.workerBody(this, ws), ws);
        }
    }

    @Override
    WorkState workState(Work w) {
        return works.get(w.id());
    }

    @Override
    void registerWork(Work w) {
        works.add(w);
    }

    @Override
    void registerLock(dev.whylock.engine.Mutex m) {
        locks.register(m);
    }

    @Override
    Held held(dev.whylock.engine.Mutex m) {
        return current.findHeld(m);
    }

    @Override
    dev.whylock.engine.Mutex actualLock(dev.whylock.engine.Mutex m, String site) {
        return locks.actual(m, site);
    }

    int chooseValue(int step, int n) {
        int v = setupDone ? chooser.pickValue(step, n) : 0;
        if (v < 0 || v >= n) {
            throw new IllegalStateException("strategy chose value " + v + " outside [0, " + n + ")");
        }
        if (setupDone) {
            decisions.add(v);
        }
        return v;
    }

    @Override
    void recordAssertion(ExecutionOutcome.AssertionCheck check) {
        assertions.add(check);
    }

    @Override
    int steps() {
        return log.size();
    }

    @Override
    void addInvariant(String name, Supplier<String> check) {
        invariants.put(name, check);
        if (setupDone && !checkerStarted) {
            startChecker();
        }
    }

    /** The checker task: one invariant check at a quiescent point of the search's choosing. */
    private void startChecker() {
        checkerStarted = true;
        newTask("invariants", TaskState.Role.CHECKER, () -> perform(new QuiescenceActions.Check(), "quiescent"), null);
    }

    @Override
    public void peeked(int object) {
        if (checkReads != null) {
            checkReads.observe(object);
        }
    }

    /** Records a violation found by task {@code task}; each distinct violation once per execution. */
    @Override
    void record(ViolationKind kind, String message, int task) {
        for (RawViolation v : violations) {
            if (v.kind() == kind && v.message().equals(message)) {
                return;
            }
        }
        int step = stepFootprint != null ? log.size() - 1 : -1;
        violations.add(new RawViolation(kind, message, task, log.size(), false, kind == ViolationKind.DEADLOCK ? pendingWaits : List.of()));
        pendingWaits = List.of();
        violationSteps.add(step);
    }

    /**
     * The violations, those that happened after a task was killed (and so may be its consequences)
     * marked: found in a step that happens after a kill, the invariant check at the end, or a
     * deadlock on a lock a killed task still holds.
     */
    private List<RawViolation> markAfterFailure() {
        if (deaths.isEmpty()) {
            return List.copyOf(violations);
        }
        Consequences c = new Consequences(log, taskInfos, deaths);
        List<RawViolation> out = new ArrayList<>(violations.size());
        for (int i = 0; i < violations.size(); i++) {
            RawViolation v = violations.get(i);
            int step = violationSteps.get(i);
            boolean after = step >= 0 ? c.after(step)
                    : v.kind() == ViolationKind.DEADLOCK ? deadlockOnKilledHolder : v.kind() != ViolationKind.STEP_LIMIT;
            out.add(after ? v.markedAfterFailure() : v);
        }
        return List.copyOf(out);
    }

    /** Evaluates every invariant; {@code reads}, when given, collects what they read. */
    void checkInvariants(String when, Footprint.Builder reads) {
        checkReads = reads;
        try {
            for (Map.Entry<String, Supplier<String>> e : invariants.entrySet()) {
                String msg;
                try {
                    msg = e.getValue().get();
                } catch (RuntimeException ex) {
                    msg = "the check threw " + ex;
                }
                if (msg != null) {
                    record(ViolationKind.INVARIANT, "invariant " + e.getKey() + " violated " + when + ": " + msg, lastTask);
                }
            }
        } finally {
            checkReads = null;
        }
    }

    // ---------------------------------------------------------------- scheduling

    /** The enabled tasks of the current step; made again at every step (a strategy copies what it keeps). */
    private final BitSet enabledNow = new BitSet();

    private BitSet enabledTasks() {
        BitSet b = enabledNow;
        b.clear();
        TaskState clock = null;
        for (TaskState ts : tasks) {
            if (ts.role == TaskState.Role.CLOCK) {
                clock = ts;
            } else if (!ts.done && ts.pending != null && ts.pending.action.enabled(this, ts)) {
                b.set(ts.id);
            }
        }
        // Time passes only when nothing can happen at the current time.
        if (clock != null && b.isEmpty() && clock.pending != null && clock.pending.action.enabled(this, clock)) {
            b.set(clock.id);
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

    /** Whether every task has finished (idle workers and the invariant checker aside). */
    private boolean allFinished() {
        for (TaskState ts : tasks) {
            if (ts.role != TaskState.Role.CHECKER && ts.role != TaskState.Role.CLOCK && !ts.quiet()) {
                return false;
            }
        }
        return true;
    }

    /** Sets the one wait of a self-deadlock about to be recorded. */
    void recordSelfDeadlock(TaskState t, String what) {
        pendingWaits = List.of(new dev.whylock.engine.result.Wait(t.name, what));
    }

    /** Whether some blocked task waits for a lock a killed task still holds, or for a run a killed worker left unfinished. */
    private boolean waitsOnKilledHolder() {
        for (TaskState ts : tasks) {
            if (ts.done || ts.pending == null) {
                continue;
            }
            if (ts.pending.action instanceof LockActions.Acquire a && a.actual() != null) {
                int holder = locks.holder(a.actual());
                if (holder >= 0 && tasks.get(holder).killed) {
                    return true;
                }
            }
            if (ts.pending.action instanceof WorkActions.WaitRun w && w.ws().worker != null && w.ws().worker.killed) {
                return true;
            }
            if (ts.pending.action.waitsOnKilled(this)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a worker died inside its item's run, so the item stays running (and busy) forever. */
    private boolean killedWorkerLeftRunning() {
        for (TaskState o : tasks) {
            if (o.killed && o.work != null && o.work.running) {
                return true;
            }
        }
        return false;
    }

    /** The deadlock message; also sets {@link #pendingWaits}, the same waits as data. */
    private String deadlockMessage() {
        StringBuilder b = new StringBuilder("deadlock: every task is blocked");
        List<dev.whylock.engine.result.Wait> waits = new ArrayList<>();
        for (TaskState ts : tasks) {
            if (ts.done || ts.pending == null || ts.role == TaskState.Role.CHECKER || ts.role == TaskState.Role.CLOCK
                    || (ts.work != null && !ts.work.running && ts.pending.kind() == OpKind.WORK_START)) {
                continue;
            }
            String what = ts.pending.action.waitDescription(this, ts.pending);
            waits.add(new dev.whylock.engine.result.Wait(ts.name, what));
            b.append("; ").append(ts.name).append(' ').append(what);
        }
        pendingWaits = List.copyOf(waits);
        return b.toString();
    }

    private SchedulingPoint point(BitSet enabled) {
        return new PointView(this, tasks, enabled, log.size(), lastTask);
    }

    /** The footprint a pending operation may have (for the strategy). */
    Footprint pendingFootprint(TaskState ts) {
        return ts.pending.action.pendingFootprint(this, ts);
    }

    private List<String> taskNames() {
        List<String> names = new ArrayList<>(tasks.size());
        for (TaskState ts : tasks) {
            names.add(ts.name);
        }
        return names;
    }

    // ---------------------------------------------------------------- Java synchronisation

    private final SyncTable sync = new SyncTable();

    @Override
    SyncTable sync() {
        return sync;
    }
}
