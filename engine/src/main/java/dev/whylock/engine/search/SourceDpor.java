package dev.whylock.engine.search;

import dev.whylock.engine.exec.Access;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.OpKind;
import dev.whylock.engine.exec.SchedulingPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exhaustive depth-first search with source-set dynamic partial-order reduction and sleep sets
 * (Abdulla, Aronis, Jonsson, Sagonas: "Source Sets", JACM 2017).
 *
 * <p>After each executed operation it finds the earlier operations it races with (dependent, by
 * another task, not already ordered by happens-before), and makes sure the state before each such
 * race also explores a task that starts the reversed order. Sleep sets keep two complete executions
 * from being equivalent, so the complete executions it runs are exactly one per Mazurkiewicz trace;
 * executions that only lead into sleeping tasks are abandoned and counted as blocked.
 */
public final class SourceDpor implements SearchStrategy {

    /* Design: frames.get(i) is the state before step i. A frame keeps the enabled tasks and their
     * pending accesses (for sleep sets), the backtrack/done/sleep sets, and, once step i has run,
     * the executed event with its vector clock. Each execution replays the frames of the previous
     * one up to the branch point and then explores freshly. Clocks count events per task (1-based);
     * event e happens before f iff clock(f)[task(e)] >= local(e). */

    private static final class Frame {
        final BitSet enabled;
        final Access[] pending;
        final BitSet backtrack = new BitSet();
        final BitSet done = new BitSet();
        final BitSet sleep;
        final boolean fixed;
        int chosen = -1;
        int valueCount;
        int value;
        // The event executed from this frame.
        int task = -1;
        Access access;
        int[] clock;
        int local;

        Frame(BitSet enabled, Access[] pending, BitSet sleep, boolean fixed) {
            this.enabled = enabled;
            this.pending = pending;
            this.sleep = sleep;
            this.fixed = fixed;
        }
    }

    private final List<Frame> frames = new ArrayList<>();
    private boolean started;
    private int branch;
    private int[][] taskClock = new int[8][];
    private int[] localCount = new int[8];
    private int taskCount;
    private BitSet nextSleep = new BitSet();
    private final Map<Integer, List<Integer>> byLoc = new HashMap<>();
    private final Map<Integer, List<Integer>> byOwner = new HashMap<>();

    @Override
    public String name() {
        return "dpor";
    }

    @Override
    public boolean exhaustsSpace() {
        return true;
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
        byLoc.clear();
        byOwner.clear();
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
        Access[] pending = new Access[p.tasks()];
        for (int t = 0; t < pending.length; t++) {
            pending[t] = p.pending(t);
        }
        BitSet enabled = (BitSet) p.enabled().clone();
        checkBlocked(p, step);
        Frame f = new Frame(enabled, pending, nextSleep, false);
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
            f = new Frame(new BitSet(), new Access[0], new BitSet(), true);
            f.chosen = op.task();
            frames.add(f);
        }
        int q = op.task();
        Access a = op.access();
        int[] before = taskClock[q];
        int[] c = Arrays.copyOf(before, Math.max(before.length, taskCount));
        c[q] = ++localCount[q];
        boolean fresh = i >= branch;
        List<Integer> races = null;
        for (int k : candidates(a)) {
            Frame e = frames.get(k);
            if (e.task == q) {
                continue;
            }
            boolean conflict = Access.conflicts(e.access, a);
            if (conflict || Access.syncs(e.access, a)) {
                join(c, e.clock);
            }
            if (conflict && fresh && !(at(before, e.task) >= e.local)) {
                if (races == null) {
                    races = new ArrayList<>();
                }
                races.add(k);
            }
        }
        if (a.kind() == OpKind.JOIN) {
            join(c, taskClock[a.loc()]);
        } else if (a.kind() == OpKind.SETTLE) {
            for (int t = 0; t < taskCount; t++) {
                join(c, taskClock[t]);
            }
        }
        if (races != null) {
            for (int k : races) {
                race(k, i, q, c, c[q], false);
            }
        }
        f.task = q;
        f.access = a;
        f.clock = c;
        f.local = c[q];
        taskClock[q] = c;
        index(a, i);
        nextSleep = childSleep(f, a);
    }

    /** Earlier events that may depend on an access to {@code a}. */
    private List<Integer> candidates(Access a) {
        List<Integer> out = new ArrayList<>(byLoc.getOrDefault(a.loc(), List.of()));
        if (a.kind() == OpKind.FREE) {
            out.addAll(byOwner.getOrDefault(a.loc(), List.of()));
        } else if (a.owner() >= 0) {
            out.addAll(byLoc.getOrDefault(a.owner(), List.of()));
        }
        return out;
    }

    private void index(Access a, int i) {
        if (a.kind() == OpKind.NOP || a.kind() == OpKind.CHOOSE || a.kind() == OpKind.JOIN || a.kind() == OpKind.SETTLE) {
            return;
        }
        byLoc.computeIfAbsent(a.loc(), k -> new ArrayList<>()).add(i);
        if (a.owner() >= 0) {
            byOwner.computeIfAbsent(a.owner(), k -> new ArrayList<>()).add(i);
        }
    }

    private BitSet childSleep(Frame f, Access executed) {
        BitSet s = new BitSet();
        if (f.fixed) {
            return s;
        }
        BitSet cand = (BitSet) f.sleep.clone();
        cand.or(f.done);
        cand.clear(f.chosen);
        for (int u = cand.nextSetBit(0); u >= 0; u = cand.nextSetBit(u + 1)) {
            Access pu = u < f.pending.length ? f.pending[u] : null;
            if (pu != null && !Access.dependent(pu, executed)) {
                s.set(u);
            }
        }
        return s;
    }

    @Override
    public void stuck(SchedulingPoint p) {
        checkBlocked(p, p.step());
    }

    /**
     * The execution stopped at a fatal violation, so the operations still pending never ran; each is
     * treated as a virtual event so that schedules running it earlier are explored too.
     */
    @Override
    public void truncated(SchedulingPoint p) {
        checkBlocked(p, p.step());
        for (int t = p.enabled().nextSetBit(0); t >= 0; t = p.enabled().nextSetBit(t + 1)) {
            Access a = p.pending(t);
            if (a == null) {
                continue;
            }
            int[] clock = taskClock[t];
            for (int k : candidates(a)) {
                Frame e = frames.get(k);
                if (e.task != t && Access.conflicts(e.access, a) && !(at(clock, e.task) >= e.local)) {
                    race(k, p.step(), t, clock, localCount[t] + 1, true);
                }
            }
        }
    }

    /**
     * A blocked operation never executes, so races with it are invisible to the per-event check:
     * an acquire blocked on a held lock (the AB-BA deadlock), a second waiter on a completion, a
     * work item whose start a cancel prevented. Each is treated as a virtual event at {@code step}.
     */
    private void checkBlocked(SchedulingPoint p, int step) {
        for (int t = 0; t < p.tasks(); t++) {
            Access a = p.pending(t);
            if (a == null || p.enabled().get(t)) {
                continue;
            }
            OpKind kind = a.kind();
            if (!(kind.equals(OpKind.ACQUIRE) || kind.equals(OpKind.TRYLOCK) || kind.equals(OpKind.WAIT_COMPLETION)
                    || kind.equals(OpKind.WORK_START))) {
                continue;
            }
            int[] clock = taskClock[t];
            for (int k : byLoc.getOrDefault(a.loc(), List.of())) {
                Frame e = frames.get(k);
                if (e.task == t || !Access.conflicts(e.access, a)
                        || (kind == OpKind.WORK_START && e.access.kind() != OpKind.WORK_CANCEL)) {
                    continue;
                }
                if (!(at(clock, e.task) >= e.local)) {
                    race(k, step, t, clock, localCount[t] + 1, true);
                }
            }
        }
    }

    /**
     * Ensures the state before event {@code k} explores some task that starts the reversed race with
     * the event at {@code j} (task {@code taskJ}, clock {@code clockJ}); {@code virtual} events are
     * blocked operations that have not executed.
     */
    private void race(int k, int j, int taskJ, int[] clockJ, int localJ, boolean virtual) {
        Frame fk = frames.get(k);
        if (fk.fixed) {
            return;
        }
        BitSet initials = new BitSet();
        BitSet seen = new BitSet();
        int[] firstLocal = new int[Math.max(taskCount, taskJ + 1)];
        for (int m = k + 1; m <= j; m++) {
            boolean last = m == j;
            Frame fm = last ? null : frames.get(m);
            int p = last ? taskJ : fm.task;
            int[] clock = last ? clockJ : fm.clock;
            int local = last ? localJ : fm.local;
            if (!last && at(clock, fk.task) >= fk.local) {
                continue; // happens after e_k: not part of v
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
        } else if (!virtual) {
            fk.backtrack.or(fk.enabled);
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
