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
        /** The sums of the decreases of the busy and live counters over the steps before this one. */
        long busyDrops;
        long liveDrops;

        final boolean fixed;
        /** How many choice (not fixed) frames precede this one. */
        int choice;
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

    /**
     * The steps that touched one object, in execution order, with the mode of each touch; for a
     * counter also the positions of its observations and of its other touches, since an update
     * depends only on the (few) observations and an observation on every update.
     */
    private static final class History {
        int[] steps = new int[8];
        byte[] modes = new byte[8];
        int size;
        final IntList observations = new IntList();
        final IntList changes = new IntList();

        void add(int step, byte mode) {
            if (size == steps.length) {
                steps = Arrays.copyOf(steps, size * 2);
                modes = Arrays.copyOf(modes, size * 2);
            }
            (mode == Footprint.OBSERVE ? observations : changes).add(size);
            steps[size] = step;
            modes[size] = mode;
            size++;
        }

        /** For a counter access in {@code mode}: the positions it may conflict with. */
        IntList conflicting(byte mode) {
            return mode == Footprint.ADD ? observations : mode == Footprint.OBSERVE ? changes : null;
        }
    }

    /** A growable list of ints. */
    private static final class IntList {
        int[] items = new int[8];
        int size;

        void add(int v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
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
    /** The sums of the decreases of the busy and live counters over the executed steps. */
    private long busyDrops;
    private long liveDrops;

    private final Map<Integer, History> histories = new HashMap<>();
    private long infeasible;
    /** Choice frames with a smaller choice index belong to a split search's coordinator: never backtracked here. */
    private final int floor;
    /** Where the first execution's races start: after a unit's prefix, whose steps' races were found when it first ran. */
    private int firstBranch;

    /** The whole search, as one sequential depth-first exploration. */
    public SourceDpor() {
        this.floor = 0;
    }

    /**
     * One work unit of a split search ({@link SplitSearch}): the first execution replays {@code prefix}
     * (the frames up to the unit's root, whose {@code chosen} task and value are the branch to
     * explore), and the search then backtracks only at choice frames with index {@code floor} or
     * more; those above are the coordinator's, which reads their backtrack sets afterwards from
     * {@link #pathFrames()}. With an empty prefix it is the unit that starts the search.
     */
    SourceDpor(List<FrameState> prefix, int floor) {
        this.floor = floor;
        for (FrameState st : prefix) {
            frames.add(st.toFrame());
        }
        this.firstBranch = Math.max(0, prefix.size() - 1);
    }

    /**
     * A frame's search state handed between a split search's coordinator and its units: what
     * {@link SourceDpor} keeps per frame, minus what one execution recomputes (the operation and
     * its clock). Immutable once made.
     */
    static final class FrameState {
        final BitSet enabled;
        final BitSet backtrack;
        final BitSet done;
        final BitSet sleep;
        final Footprint[] sleepFp;
        final Footprint[] doneFp;
        final boolean fixed;
        final int choice;
        final int chosen;
        final int valueCount;
        final int value;

        FrameState(BitSet enabled, BitSet backtrack, BitSet done, BitSet sleep, Footprint[] sleepFp, Footprint[] doneFp,
                boolean fixed, int choice, int chosen, int valueCount, int value) {
            this.enabled = (BitSet) enabled.clone();
            this.backtrack = (BitSet) backtrack.clone();
            this.done = (BitSet) done.clone();
            this.sleep = (BitSet) sleep.clone();
            // A split search marks a task done before its step is known: its footprint stays null (awake).
            this.sleepFp = Arrays.copyOf(sleepFp, Math.max(sleepFp.length, sleep.length()));
            this.doneFp = Arrays.copyOf(doneFp, Math.max(doneFp.length, done.length()));
            this.fixed = fixed;
            this.choice = choice;
            this.chosen = chosen;
            this.valueCount = valueCount;
            this.value = value;
        }

        static FrameState of(Frame f) {
            return new FrameState(f.enabled, f.backtrack, f.done, f.sleep, f.sleepFp, f.doneFp, f.fixed, f.choice, f.chosen,
                    f.valueCount, f.value);
        }

        Frame toFrame() {
            Frame f = new Frame((BitSet) enabled.clone(), (BitSet) sleep.clone(), sleepFp.clone(), fixed);
            f.backtrack.or(backtrack);
            f.done.or(done);
            f.doneFp = doneFp.clone();
            f.choice = choice;
            f.chosen = chosen;
            f.valueCount = valueCount;
            f.value = value;
            return f;
        }
    }

    /**
     * Every frame held now, as it is: after a unit's search ended, its coordinator frames (deeper
     * ones were fully explored and dropped); after an execution, that execution's whole path, with
     * what each frame still owes (a split search hands such a path over to its coordinator).
     */
    List<FrameState> pathFrames() {
        List<FrameState> out = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            out.add(FrameState.of(f));
        }
        return out;
    }

    /** How many frames the search holds now (after an execution: the length of its path). */
    int pathLength() {
        return frames.size();
    }


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
            branch = firstBranch;
            return true;
        }
        for (int i = frames.size() - 1; i >= 0; i--) {
            Frame f = frames.get(i);
            if (!f.fixed && f.choice < floor) {
                return false; // the coordinator's frame: the unit is done
            }
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

    /** The choice index of a frame appended now. */
    private int nextChoice() {
        if (frames.isEmpty()) {
            return 0;
        }
        Frame p = frames.get(frames.size() - 1);
        return p.choice + (p.fixed ? 0 : 1);
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
        busyDrops = 0;
        liveDrops = 0;
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
        f.choice = nextChoice();
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
            f.choice = nextChoice();
            frames.add(f);
        }
        int q = op.task();
        int[] pre = taskClock[q];
        Footprint fp = op.footprint();
        int[] c = Arrays.copyOf(pre, Math.max(pre.length, taskCount));
        c[q] = ++localCount[q];
        List<Integer> races = analyse(op, q, pre, c, fp, i >= branch && !fixed);
        if (races != null) {
            for (int r : races) {
                race(r, i, q, c, c[q], op);
            }
        }
        f.task = q;
        f.op = op;
        f.clock = c;
        f.local = c[q];
        f.busyDrops = busyDrops;
        f.liveDrops = liveDrops;
        busyDrops += Math.min(0, delta(fp, Footprint.BUSY));
        liveDrops += Math.min(0, delta(fp, Footprint.LIVE));

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
     * Joins into {@code c} (the clock of the operation {@code f} of task {@code q}, {@code pre} its
     * task's clock before it) the clocks of the steps it depends on, and, when {@code findRaces},
     * returns the earlier steps it races with: those it depends on that are not ordered before its
     * task's earlier steps, looking past steps whose order cannot be reversed.
     */
    private List<Integer> analyse(Op f, int q, int[] pre, int[] c, Footprint fp, boolean findRaces) {
        int n = fp.size();
        for (int e = 0; e < n; e++) {
            History h = histories.get(fp.object(e));
            List<Integer> ps = h == null ? List.of()
                    : fp.object(e) == Footprint.TIME && f.waitsOnlyForDeadline() ? dueTick(f, h)
                    : predecessors(fp.object(e), fp.mode(e), h);
            for (int k : ps) {
                join(c, frames.get(k).clock);
            }
        }
        if (!findRaces || f.barrier()) {
            return findRaces ? List.of() : null;
        }
        List<Integer> races = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            History h = histories.get(fp.object(e));
            if (h == null) {
                continue;
            }
            List<Integer> found = new ArrayList<>();
            if (isCounter(fp.object(e))) {
                counterRaces(f, q, pre, fp.object(e), fp.mode(e), h, found);
            } else {
                objectRaces(f, q, pre, fp.object(e), fp.mode(e), h, found);
            }
            for (int k : found) {
                if (disabledSince(f, fp, k, e)) {
                    infeasible++;
                } else {
                    races.add(k);
                }
            }
        }
        return races;
    }

    /**
     * Whether {@code f} could not run at step {@code k} because of another object than the race's
     * ({@code raceEntry}) that no step has changed since before step k: its state there is the one
     * {@code f} saw (recorded in f's footprint; for an operation that never ran, the state at the
     * end), and f could not run in it. Reordering the steps after k cannot change that object, so
     * no reversal of the race can run f (a work start whose item nothing queued again).
     */
    private boolean disabledSince(Op f, Footprint fp, int k, int raceEntry) {
        for (int o = 0; o < fp.size(); o++) {
            int object = fp.object(o);
            if (o == raceEntry || isCounter(object) || fp.before(o) == null) {
                continue;
            }
            History h = histories.get(object);
            int lastChange = h == null || h.changes.size == 0 ? -1 : h.steps[h.changes.items[h.changes.size - 1]];
            if (lastChange < k && f.couldRunWhen(object, fp.before(o)) == Enabling.DISABLED) {
                return true;
            }
        }
        return false;
    }

    /**
     * For an operation that waits only for a deadline (timed mode): the tick that made it due, the
     * latest one before which time had not reached its deadline; none if it was due from the start.
     * Later ticks did not enable it (it could not run then for another reason, which its other
     * objects record), so it is not ordered after them.
     */
    private List<Integer> dueTick(Op f, History h) {
        IntList changes = h.changes;
        for (int i = changes.size - 1; i >= 0; i--) {
            int g = h.steps[changes.items[i]];
            Footprint gfp = frames.get(g).op.footprint();
            if (f.couldRunWhen(Footprint.TIME, gfp.before(gfp.indexOf(Footprint.TIME))) == Enabling.DISABLED) {
                return List.of(g);
            }
        }
        return List.of();
    }

    /**
     * The steps an access in {@code mode} to {@code object} directly depends on: the last change
     * and, for a change, the observations since; for a counter, every conflicting update or
     * observation.
     */
    private List<Integer> predecessors(int object, byte mode, History h) {
        List<Integer> out = new ArrayList<>(2);
        if (isCounter(object)) {
            IntList candidates = h.conflicting(mode);
            if (candidates == null) {
                for (int x = h.size - 1; x >= 0; x--) {
                    if (Footprint.conflict(mode, h.modes[x])) {
                        out.add(h.steps[x]);
                    }
                }
            } else {
                for (int i = candidates.size - 1; i >= 0; i--) {
                    int x = candidates.items[i];
                    if (Footprint.conflict(mode, h.modes[x])) {
                        out.add(h.steps[x]);
                    }
                }
            }
            return out;
        }
        for (int x = h.size - 1; x >= 0; x--) {
            if (!Footprint.conflict(mode, h.modes[x])) {
                continue;
            }
            out.add(h.steps[x]);
            if (h.modes[x] != Footprint.OBSERVE) {
                break;
            }
        }
        return out;
    }

    /** Whether step {@code e} is ordered before a point whose clock is {@code clock}. */
    private static boolean before(Frame e, int[] clock) {
        return at(clock, e.task) >= e.local;
    }

    /**
     * The races of {@code f} on an ordinary object: its immediate predecessors there, and where the
     * reversal is impossible (that step enabled {@code f}), theirs in turn; steps ordered before
     * {@code f}'s task ({@code pre}) are not races.
     */
    private void objectRaces(Op f, int q, int[] pre, int object, byte mode, History h, List<Integer> races) {
        boolean wantChange = true;
        boolean wantObserve = mode != Footprint.OBSERVE;
        for (int x = h.size - 1; x >= 0 && (wantChange || wantObserve); x--) {
            boolean change = h.modes[x] != Footprint.OBSERVE;
            if (change ? !wantChange : !wantObserve) {
                continue;
            }
            int k = h.steps[x];
            Frame e = frames.get(k);
            if (e.op.barrier()) {
                break; // nothing moves across it
            }
            boolean expand = false;
            if (!e.fixed && e.task != q && !before(e, pre) && Footprint.conflict(mode, h.modes[x])) {
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

    /**
     * The races of {@code f} on a commutative counter: every conflicting step not ordered before its
     * task's earlier steps (whether the counters then let {@code f} run is judged in {@link #race}).
     */
    private void counterRaces(Op f, int q, int[] pre, int object, byte mode, History h, List<Integer> races) {
        for (int k : predecessors(object, mode, h)) {
            Frame e = frames.get(k);
            if (!e.fixed && e.task != q && !before(e, pre)) {
                races.add(k);
            }
        }
    }

    /**
     * The value counter {@code counter} would have where a reversal puts the operation at {@code j}
     * before step {@code k}: its value before step k plus the updates between them that do not
     * happen after step k (they move along). Only the counter's own updates are visited.
     */
    private long counterThere(int counter, Frame fk, int k, int j) {
        long value = counter == Footprint.BUSY ? fk.op.busyBefore() : fk.op.liveBefore();
        History h = histories.get(counter);
        if (h == null) {
            return value;
        }
        IntList changes = h.changes;
        int lo = 0;
        int hi = changes.size;
        while (lo < hi) { // the first update after step k
            int mid = (lo + hi) >>> 1;
            if (h.steps[changes.items[mid]] <= k) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < changes.size; i++) {
            int m = h.steps[changes.items[i]];
            if (m >= j) {
                break;
            }
            Frame fm = frames.get(m);
            if (!before(fk, fm.clock)) {
                value += delta(fm.op.footprint(), counter);
            }
        }
        return value;
    }

    /** The sum of the decreases of the busy (or live) counter over the steps before step {@code i}. */
    private long drops(int i, boolean busyCounter) {
        if (i < frames.size() && frames.get(i).op != null) {
            return busyCounter ? frames.get(i).busyDrops : frames.get(i).liveDrops;
        }
        return busyCounter ? busyDrops : liveDrops; // i is the step being analysed or a virtual one: every step so far
    }

    private static long delta(Footprint fp, int counter) {
        int i = fp.indexOf(counter);
        return i >= 0 && fp.mode(i) == Footprint.ADD ? fp.delta(i) : 0;
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
            List<Integer> races = analyse(op, t, pre, c, fp, true);
            for (int r : races) {
                race(r, step, t, c, c[t], op);
            }
        }
    }

    /**
     * Ensures the state before step {@code k} explores some task that starts the reversed race with
     * the operation {@code opJ} at {@code j} (task {@code taskJ}, clock {@code clockJ}; {@code j} may
     * be a virtual step that never ran, at the end of the log), unless that operation waits for a
     * quiescence the reordered steps would not reach.
     */
    private void race(int k, int j, int taskJ, int[] clockJ, int localJ, Op opJ) {
        Frame fk = frames.get(k);
        if (fk.fixed || covered(fk)) {
            return;
        }
        if (opJ.waitsForQuiescence()) {
            // Would the counters let it run where the reversal puts it? A quick bound first: with every
            // decrease after step k moving along, they are at their lowest; then the exact values.
            long busyLow = fk.op.busyBefore() + drops(j, true) - drops(k + 1, true);
            long liveLow = fk.op.liveBefore() + drops(j, false) - drops(k + 1, false);
            if (opJ.couldRunWithCounters(Math.max(0, busyLow), Math.max(0, liveLow)) == Enabling.DISABLED
                    || opJ.couldRunWithCounters(counterThere(Footprint.BUSY, fk, k, j), counterThere(Footprint.LIVE, fk, k, j))
                    == Enabling.DISABLED) {
                infeasible++;
                return;
            }
        }
        BitSet initials = new BitSet();
        BitSet seen = new BitSet();
        int tickTask = -1;
        int firstTick = 0;
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
            if (!isJ && fm.op.barrier()) {
                // A tick: time cannot pass before step k's task has run (it could run there, and the
                // reordered steps, independent of it, leave it so), so the tick is never a first step,
                // and a step that needs it cannot precede step k.
                if (tickTask < 0) {
                    tickTask = p;
                    firstTick = local;
                }
                continue;
            }
            boolean afterTick = tickTask >= 0 && at(clock, tickTask) >= firstTick;
            if (isJ && afterTick) {
                infeasible++;
                return;
            }
            if (seen.get(p)) {
                continue;
            }
            boolean initial = !afterTick;
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
        BitSet blocked = (BitSet) initials.clone();
        blocked.andNot(fk.enabled);
        if (!blocked.isEmpty()) {
            // A step of the reordered sequence that depends on nothing in it was blocked at step k:
            // what enables it (a queue, an unlock, a complete) follows step k in program order or
            // through an edge that cannot be reversed, so the sequence cannot run from there. Orders
            // that need other steps moved first come from those steps' own races.
            infeasible++;
            return;
        }
        if (initials.intersects(fk.backtrack) || initials.intersects(fk.sleep)) {
            return;
        }
        fk.backtrack.set(initials.get(taskJ) ? taskJ : initials.nextSetBit(0));
    }

    /** Whether every task enabled at the frame is already explored there or asleep: no race can add anything. */
    private static boolean covered(Frame f) {
        BitSet rest = (BitSet) f.enabled.clone();
        rest.andNot(f.backtrack);
        rest.andNot(f.sleep);
        return rest.isEmpty();
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
