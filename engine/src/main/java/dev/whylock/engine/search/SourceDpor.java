package dev.whylock.engine.search;

import dev.whylock.engine.exec.Enabling;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Footprint;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.SchedulingPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exhaustive depth-first search with source-set dynamic partial-order reduction and sleep sets
 * (Abdulla, Aronis, Jonsson, Sagonas: "Source Sets", JACM 2017), extended to blocking operations.
 *
 * <p>Two steps are dependent when their {@link Footprint}s conflict; happens-before is program
 * order plus dependency in the order executed. After each step it finds the earlier steps it races
 * with (dependent, by another task, not ordered through that task's earlier steps) and makes sure
 * the state before each such race also explores a task that starts the reversed order. A race is
 * reversed only if the later operation could have run before the earlier one: a blocked lock,
 * completion wait, work start or join can move before an earlier operation on its object only if
 * that object's recorded state there would have let it run. When it could not, the search looks
 * further back along the object's history (the acquisition before the release that enabled a lock,
 * the complete before the one that was consumed). Operations that never ran (blocked at the end, or
 * cut off by the step bound) are treated as virtual steps so their races are reversed too.
 */
public final class SourceDpor implements SearchStrategy {

    /* Design: frames.get(i) is the state before step i: enabled tasks, their pending footprints (for
     * sleep sets), backtrack/done/sleep sets, and once step i has run, its operation with a vector
     * clock. Clocks count steps per task (1-based); step e happens before f iff clock(f)[task(e)]
     * >= local(e). Each object keeps the indices of the steps that touched it. Counters (busy work
     * items, live tasks, the clock) are updated commutatively, so their updates are unordered among
     * themselves and a race with one is reversed only if the counter, recomputed without the
     * updates that would move, lets the waiting operation run. */

    private static final class Frame {
        final BitSet enabled;
        final BitSet backtrack = new BitSet();
        final BitSet done = new BitSet();
        final BitSet sleep;
        /** For each sleeping task, what its next step touches. */
        final Footprint[] sleepFp;
        /** For each task explored from this frame, what its step touched (including its private code: spawns, its end). */
        Footprint[] doneFp = new Footprint[4];
        final boolean fixed;
        int chosen = -1;
        int valueCount;
        int value;
        // The step executed from this frame.
        int task = -1;
        Op op;
        int[] clock;
        int local;

        Frame(BitSet enabled, BitSet sleep, Footprint[] sleepFp, boolean fixed) {
            this.enabled = enabled;
            this.sleep = sleep;
            this.sleepFp = sleepFp;
            this.fixed = fixed;
        }
    }

    /** The steps that touched one object, in execution order, with the mode of each touch. */
    private static final class History {
        int[] steps = new int[8];
        byte[] modes = new byte[8];
        int size;

        void add(int step, byte mode) {
            if (size == steps.length) {
                steps = Arrays.copyOf(steps, size * 2);
                modes = Arrays.copyOf(modes, size * 2);
            }
            steps[size] = step;
            modes[size] = mode;
            size++;
        }
    }

    private final List<Frame> frames = new ArrayList<>();
    private boolean started;
    private int branch;
    private int[][] taskClock = new int[8][];
    private int[] localCount = new int[8];
    private int taskCount;
    private BitSet nextSleep = new BitSet();
    private Footprint[] nextSleepFp = new Footprint[0];
    private final Map<Integer, History> histories = new HashMap<>();
    private long infeasible;

    @Override
    public String name() {
        return "dpor";
    }

    @Override
    public boolean exhaustsSpace() {
        return true;
    }

    /**
     * How many races were dropped at the backtrack point because no task could start the reversed
     * order there (see {@link #race}); a diagnostic for the docs and tests.
     */
    public long infeasibleReversals() {
        return infeasible;
    }

    @Override
    public boolean beginExecution() {
        resetExecutionState();
        if (!started) {
            started = true;
            branch = 0;
            return true;
        }
        for (int i = frames.size() - 1; i >= 0; i--) {
            Frame f = frames.get(i);
            if (!f.fixed) {
                if (f.valueCount > 0 && f.value + 1 < f.valueCount) {
                    f.value++;
                    truncate(i + 1);
                    branch = i;
                    return true;
                }
                BitSet todo = (BitSet) f.backtrack.clone();
                todo.andNot(f.done);
                todo.andNot(f.sleep);
                todo.and(f.enabled);
                int t = todo.nextSetBit(0);
                if (t >= 0) {
                    f.chosen = t;
                    f.done.set(t);
                    f.valueCount = 0;
                    f.value = 0;
                    truncate(i + 1);
                    branch = i;
                    return true;
                }
            }
            frames.remove(i);
        }
        return false;
    }

    private void truncate(int size) {
        while (frames.size() > size) {
            frames.remove(frames.size() - 1);
        }
    }

    private void resetExecutionState() {
        taskCount = 0;
        Arrays.fill(localCount, 0);
        nextSleep = new BitSet();
        nextSleepFp = new Footprint[0];
        histories.clear();
    }

    @Override
    public void taskCreated(int task, int parent) {
        if (task >= localCount.length) {
            int n = Math.max(task + 1, localCount.length * 2);
            localCount = Arrays.copyOf(localCount, n);
            taskClock = Arrays.copyOf(taskClock, n);
        }
        taskClock[task] = parent >= 0 ? taskClock[parent].clone() : new int[0];
        localCount[task] = 0;
        taskCount = Math.max(taskCount, task + 1);
    }

    @Override
    public int pickTask(SchedulingPoint p) {
        int step = p.step();
        if (step < frames.size()) {
            Frame f = frames.get(step);
            if (!p.enabled().get(f.chosen)) {
                throw new IllegalStateException("DPOR replay diverged at step " + step + ": the program is not deterministic");
            }
            return f.chosen;
        }
        BitSet enabled = (BitSet) p.enabled().clone();
        Frame f = new Frame(enabled, nextSleep, nextSleepFp, false);
        frames.add(f);
        BitSet awake = (BitSet) enabled.clone();
        awake.andNot(f.sleep);
        if (awake.isEmpty()) {
            return ABANDON;
        }
        int last = p.lastTask();
        int t = last >= 0 && awake.get(last) ? last : awake.nextSetBit(0);
        f.chosen = t;
        f.backtrack.set(t);
        f.done.set(t);
        return t;
    }

    @Override
    public int pickValue(int step, int n) {
        Frame f = frames.get(step);
        if (f.valueCount == 0) {
            f.valueCount = n;
            f.value = 0;
        }
        return f.value;
    }

    @Override
    public void executed(Op op, boolean fixed) {
        int i = op.step();
        Frame f;
        if (i < frames.size()) {
            f = frames.get(i);
        } else {
            if (!fixed) {
                throw new IllegalStateException("DPOR saw step " + i + " without choosing it");
            }
            f = new Frame(new BitSet(), new BitSet(), new Footprint[0], true);
            f.chosen = op.task();
            frames.add(f);
        }
        int q = op.task();
        int[] pre = taskClock[q];
        int[] c = Arrays.copyOf(pre, Math.max(pre.length, taskCount));
        c[q] = ++localCount[q];
        Footprint fp = op.footprint();
        List<Integer> races = i >= branch && !fixed ? new ArrayList<>() : null;
        for (int e = 0; e < fp.size(); e++) {
            History h = histories.get(fp.object(e));
            if (h != null) {
                scan(op, q, pre, c, fp.object(e), fp.mode(e), h, i, races);
            }
        }
        if (races != null) {
            for (int r : races) {
                race(r, i, q, c, c[q]);
            }
        }
        f.task = q;
        f.op = op;
        f.clock = c;
        f.local = c[q];
        if (q >= f.doneFp.length) {
            f.doneFp = Arrays.copyOf(f.doneFp, Math.max(q + 1, f.doneFp.length * 2));
        }
        f.doneFp[q] = fp;
        taskClock[q] = c;
        for (int e = 0; e < fp.size(); e++) {
            histories.computeIfAbsent(fp.object(e), k -> new History()).add(i, fp.mode(e));
        }
        childSleep(f, fp);
    }

    /**
     * Joins into {@code c} the clocks of the steps that the operation {@code f} (task {@code q},
     * clock before it {@code pre}) depends on through {@code object}, and, when {@code races} is
     * given, collects the earlier steps it races with there. {@code end} is the index f has (or
     * would have) in the log.
     */
    private void scan(Op f, int q, int[] pre, int[] c, int object, byte mode, History h, int end, List<Integer> races) {
        if (isCounter(object)) {
            scanCounter(f, q, pre, c, object, mode, h, end, races);
            return;
        }
        // Happens-before: the last change to the object, and for a change also the observations since.
        for (int x = h.size - 1; x >= 0; x--) {
            Frame e = frames.get(h.steps[x]);
            if (h.modes[x] == Footprint.OBSERVE) {
                if (mode != Footprint.OBSERVE) {
                    join(c, e.clock);
                }
                continue;
            }
            join(c, e.clock);
            break;
        }
        if (races == null) {
            return;
        }
        // Races: the immediate predecessors; where the reversal is impossible, theirs in turn.
        boolean wantChange = true;
        boolean wantObserve = mode != Footprint.OBSERVE;
        for (int x = h.size - 1; x >= 0 && (wantChange || wantObserve); x--) {
            boolean change = h.modes[x] != Footprint.OBSERVE;
            if (change ? !wantChange : !wantObserve) {
                continue;
            }
            int k = h.steps[x];
            Frame e = frames.get(k);
            boolean expand = false;
            if (!e.fixed && e.task != q && !(at(pre, e.task) >= e.local) && Footprint.conflict(mode, h.modes[x])) {
                Footprint efp = e.op.footprint();
                Enabling could = f.couldRunWhen(object, efp.before(efp.indexOf(object)));
                if (could != Enabling.DISABLED) {
                    races.add(k);
                }
                expand = could != Enabling.ENABLED;
            }
            if (change) {
                wantChange = expand;
                wantObserve = expand;
            }
        }
    }

    /** Like {@link #scan} for a commutative counter: every earlier conflicting step is a predecessor. */
    private void scanCounter(Op f, int q, int[] pre, int[] c, int object, byte mode, History h, int end, List<Integer> races) {
        for (int x = h.size - 1; x >= 0; x--) {
            if (!Footprint.conflict(mode, h.modes[x])) {
                continue;
            }
            int k = h.steps[x];
            Frame e = frames.get(k);
            join(c, e.clock);
            if (races == null || e.fixed || e.task == q || at(pre, e.task) >= e.local) {
                continue;
            }
            Footprint efp = e.op.footprint();
            int idx = efp.indexOf(object);
            long value = (Long) efp.before(idx);
            boolean known = true;
            // The counter where f would run instead: its value before e plus every later update that does not follow e.
            for (int y = x + 1; y < h.size; y++) {
                Frame g = frames.get(h.steps[y]);
                if (at(g.clock, e.task) >= e.local) {
                    continue;
                }
                Footprint gfp = g.op.footprint();
                int gi = gfp.indexOf(object);
                if (gfp.mode(gi) == Footprint.ADD) {
                    value += gfp.delta(gi);
                } else if (gfp.mode(gi) == Footprint.MODIFY) {
                    known = false;
                }
            }
            if (!known || f.couldRunWithCounter(object, value) != Enabling.DISABLED) {
                races.add(k);
            }
        }
    }

    private static boolean isCounter(int object) {
        return object == Footprint.BUSY || object == Footprint.LIVE || object == Footprint.CLOCK;
    }

    /**
     * The sleep set after a step: the tasks asleep or already explored before it whose next step
     * (as it ran when explored: the operation and the private code after it) is independent of it.
     */
    private void childSleep(Frame f, Footprint executed) {
        BitSet s = new BitSet();
        Footprint[] fps = new Footprint[Math.max(f.sleepFp.length, f.doneFp.length)];
        if (!f.fixed) {
            for (int u = f.sleep.nextSetBit(0); u >= 0; u = f.sleep.nextSetBit(u + 1)) {
                keepAsleep(u, f.sleepFp[u], executed, s, fps);
            }
            for (int u = f.done.nextSetBit(0); u >= 0; u = f.done.nextSetBit(u + 1)) {
                if (u != f.chosen && !f.sleep.get(u)) {
                    keepAsleep(u, f.doneFp[u], executed, s, fps);
                }
            }
        }
        nextSleep = s;
        nextSleepFp = fps;
    }

    private static void keepAsleep(int u, Footprint next, Footprint executed, BitSet s, Footprint[] fps) {
        if (next != null && !Footprint.dependent(next, executed)) {
            s.set(u);
            fps[u] = next;
        }
    }

    /**
     * The operations still pending when the execution ended never ran: each blocked one (every one,
     * when the step bound cut the execution off) is a virtual step whose races are reversed too:
     * an acquisition blocked forever (the AB-BA deadlock), a wait that never returned, a work
     * start that a cancel prevented.
     */
    @Override
    public void ended(SchedulingPoint p, boolean truncated) {
        int step = p.step();
        for (int t = 0; t < p.tasks(); t++) {
            Op op = p.pending(t);
            if (op == null || (!truncated && p.enabled().get(t))) {
                continue;
            }
            Footprint fp = p.pendingFootprint(t);
            int[] pre = taskClock[t];
            int[] c = Arrays.copyOf(pre, Math.max(pre.length, taskCount));
            c[t] = localCount[t] + 1;
            List<Integer> races = new ArrayList<>();
            for (int e = 0; e < fp.size(); e++) {
                History h = histories.get(fp.object(e));
                if (h != null) {
                    scan(op, t, pre, c, fp.object(e), fp.mode(e), h, step, races);
                }
            }
            for (int r : races) {
                race(r, step, t, c, c[t]);
            }
        }
    }

    /**
     * Ensures the state before step {@code k} explores some task that starts the reversed race with
     * the step at {@code j} (task {@code taskJ}, clock {@code clockJ}; {@code j} may be a virtual
     * step that never ran, at the end of the log).
     */
    private void race(int k, int j, int taskJ, int[] clockJ, int localJ) {
        Frame fk = frames.get(k);
        if (fk.fixed) {
            return;
        }
        BitSet initials = new BitSet();
        BitSet seen = new BitSet();
        int[] firstLocal = new int[Math.max(taskCount, taskJ + 1)];
        int last = Math.min(j, frames.size());
        for (int m = k + 1; m <= last; m++) {
            boolean isJ = m == last;
            Frame fm = isJ ? null : frames.get(m);
            if (!isJ && fm.op == null) {
                continue;
            }
            int p = isJ ? taskJ : fm.task;
            int[] clock = isJ ? clockJ : fm.clock;
            int local = isJ ? localJ : fm.local;
            if (!isJ && at(clock, fk.task) >= fk.local) {
                continue; // happens after step k: not part of the reordered sequence
            }
            if (seen.get(p)) {
                continue;
            }
            boolean initial = true;
            for (int r = seen.nextSetBit(0); r >= 0; r = seen.nextSetBit(r + 1)) {
                if (at(clock, r) >= firstLocal[r]) {
                    initial = false;
                    break;
                }
            }
            seen.set(p);
            firstLocal[p] = local;
            if (initial) {
                initials.set(p);
            }
        }
        if (initials.intersects(fk.backtrack) || initials.intersects(fk.sleep)) {
            return;
        }
        BitSet usable = (BitSet) initials.clone();
        usable.and(fk.enabled);
        if (!usable.isEmpty()) {
            fk.backtrack.set(usable.get(taskJ) ? taskJ : usable.nextSetBit(0));
        } else {
            // No task can start the reversed order from there: the later operation (or the first
            // step of its task that would have to move) was blocked, and what enables it comes after
            // step k in program order or through an edge that cannot be reversed. Orders that would
            // need other steps moved first are reached through those steps' own races.
            infeasible++;
        }
    }

    private static int at(int[] clock, int task) {
        return task < clock.length ? clock[task] : 0;
    }

    private static void join(int[] into, int[] other) {
        int n = Math.min(into.length, other.length);
        for (int t = 0; t < n; t++) {
            if (other[t] > into[t]) {
                into[t] = other[t];
            }
        }
    }

    @Override
    public void endExecution(ExecutionOutcome outcome) {}
}
