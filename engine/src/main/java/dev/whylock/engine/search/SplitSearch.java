package dev.whylock.engine.search;

import dev.whylock.engine.Program;
import dev.whylock.engine.exec.Execution;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.StopReason;
import dev.whylock.engine.result.Violation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One DPOR search split into work units that run in parallel, with a result that does not depend
 * on how many run at once.
 *
 * <p>The first {@code splitDepth} choice frames of every path belong to a coordinator; a work unit
 * is a branch at one of them: the schedule prefix that leads there, with the frames' backtrack,
 * done and sleep sets. A unit runs {@link SourceDpor} sequentially from that prefix, backtracking
 * only below the coordinator's frames; the races it finds that reach the coordinator's frames are
 * added to its copies of their backtrack sets, which it hands back with the coordinator frames its
 * first path created. The search runs in rounds: every unit of a round runs (on however many
 * workers), then the coordinator merges their frames in the units' order, and the branches the
 * merged backtrack sets ask for become the next round's units. The rounds, the units and the
 * merge are the same for any number of workers, so are the executions, the violations (merged in
 * unit order as one sequential search would have collected them), and what observers see (in unit
 * order). Split depth 0 is one unit: the sequential search.
 *
 * <p>Sleep sets: a branch's sleep set holds the tasks explored before it at its frame whose step
 * is known, i.e. explored in an earlier round; a task started in the same round is left awake (a
 * smaller sleep set explores more, never less). So the executions can differ from the sequential
 * search's (more, or as many), and a time or execution limit is checked between rounds: a round
 * always finishes, and each unit's budget is what was left when the round started.
 *
 * <p>Units always run source-DPOR, also when the strategy asks for optimal DPOR (wakeup trees):
 * a wakeup tree is one structure across a frame's branches, and a branch handed to a unit in the
 * same round as a sibling could not receive the sequences the sibling's races insert under it;
 * carrying the trees would need the coordinator to re-insert every unit's sequences in unit order
 * and to re-split branches already handed out. Source sets merge as plain set unions.
 */
public final class SplitSearch {

    /**
     * The split depth the command line uses for every DPOR exploration, whatever the number of
     * workers: deep enough for many units on a few cores, shallow enough that rounds stay few.
     */
    public static final int DEFAULT_SPLIT_DEPTH = 6;

    /** The executions after which the command line's units hand their path over (see {@link #explore(Program, SearchConfig, int, int, long)}). */
    public static final long DEFAULT_UNIT_EXECUTIONS = 8;

    /**
     * A unit hands over only a path of at most this many frames: every frame of a handed-over path
     * becomes a coordinator frame, which costs memory and a visit per round; a unit whose
     * executions are longer (a runaway state machine's 100,000 steps) goes on by itself.
     */
    static final int MAX_HANDOVER_FRAMES = 4_096;

    private SplitSearch() {}

    /** A coordinator frame: a choice frame with index below the split depth, on one path. */
    private static final class Node {
        final Node parent;
        /** The frames from the start up to and including this one, as when first explored (ancestors with the branch that leads here). */
        final List<SourceDpor.FrameState> path;
        final BitSet backtrack;
        final BitSet done;
        dev.whylock.engine.exec.Footprint[] doneFp;
        final Map<Integer, Integer> valueCounts = new HashMap<>();
        final java.util.Set<Long> spawnedValues = new java.util.HashSet<>();
        final List<Node> children = new ArrayList<>();
        final Map<Long, Node> byBranch = new HashMap<>();

        Node(Node parent, List<SourceDpor.FrameState> path) {
            this.parent = parent;
            this.path = path;
            SourceDpor.FrameState me = path.get(path.size() - 1);
            this.backtrack = (BitSet) me.backtrack.clone();
            this.done = (BitSet) me.done.clone();
            this.doneFp = java.util.Arrays.copyOf(me.doneFp, Math.max(me.doneFp.length, 8));
        }

        SourceDpor.FrameState state() {
            return path.get(path.size() - 1);
        }

        int index() {
            return path.size() - 1;
        }

        void setDoneFp(int task, dev.whylock.engine.exec.Footprint fp) {
            if (task >= doneFp.length) {
                doneFp = java.util.Arrays.copyOf(doneFp, Math.max(task + 1, doneFp.length * 2));
            }
            doneFp[task] = fp;
        }
    }

    private static long branchKey(int task, int value) {
        return ((long) task << 32) | (value & 0xffffffffL);
    }

    /** A branch to explore: at {@code node} (null: the start), {@code task} with {@code value}. */
    private record Unit(Node node, int task, int value) {

        /** The prefix the unit replays first: every frame to its node, its node's with this branch chosen. */
        List<SourceDpor.FrameState> prefix() {
            if (node == null) {
                return List.of();
            }
            List<SourceDpor.FrameState> out = new ArrayList<>(node.path);
            // Ancestors: the backtrack sets merged so far (fewer redundant race reversals).
            for (Node a = node; a != null; a = a.parent) {
                SourceDpor.FrameState s = out.get(a.index());
                boolean me = a == node;
                int valueCount = me ? (value > 0 ? a.valueCounts.getOrDefault(task, 0) : 0) : s.valueCount;
                out.set(a.index(), new SourceDpor.FrameState(s.enabled, a.backtrack, me ? a.done : s.done, s.sleep, s.sleepFp,
                        me ? a.doneFp : s.doneFp, s.fixed, s.choice, me ? task : s.chosen, valueCount, me ? value : s.value));
            }
            return out;
        }
    }

    /**
     * What one unit did. {@code observed}: for a unit run elsewhere, the observers that saw its
     * executions (fresh copies of the search's, see {@link MergeableObserver}), which the search
     * absorbs in unit order; null for a unit run here, whose executions went to the search's
     * observers directly.
     */
    public record UnitResult(long executions, long blocked, long steps, boolean bounded, boolean stopNow, boolean interrupted,
            Map<String, Violation> found, List<SourceDpor.FrameState> frames, List<MergeableObserver> observed) {}

    /**
     * Runs the work units of one round and returns their results in the units' order. The search's
     * result depends only on those results, never on where or in which order the units ran: local
     * threads ({@link #local(int)}) or the members of a cluster, which send each unit as plain data
     * ({@link UnitWire}) and run it with {@link #runSent}.
     */
    public interface UnitRunner {
        List<UnitResult> run(List<WorkUnit> units);
    }

    /** What every unit of one search shares. */
    private record Search(Program program, SearchConfig cfg, RunConfig run, int splitDepth, long unitExecutions,
            OrderedObservers observers, BooleanSupplier over) {}

    /** One unit of a round: {@link #runHere()} runs it on this thread, {@link UnitWire#unit} makes it plain data. */
    public static final class WorkUnit {
        private final Search search;
        private final Unit unit;
        private final int slot;
        private final long budget;

        private WorkUnit(Search search, Unit unit, int slot, long budget) {
            this.search = search;
            this.unit = unit;
            this.slot = slot;
            this.budget = budget;
        }

        /** Runs the unit here; its executions go to the search's observers, in unit order. */
        public UnitResult runHere() {
            try {
                return runUnit(search.program(), search.cfg(), search.run(), unit.prefix(), floor(), search.unitExecutions(), budget,
                        search.observers().slot(slot), search.over(), null);
            } finally {
                search.observers().finish(slot);
            }
        }

        /** The unit's number in the whole search (0, 1, ...), the order its result is merged in. */
        public int index() {
            return slot;
        }

        /** The choice frames above which the unit does not backtrack (its prefix's are the coordinator's). */
        int floor() {
            return unit.node() == null ? search.splitDepth() : Math.max(search.splitDepth(), unit.node().state().choice + 1);
        }

        List<SourceDpor.FrameState> prefix() {
            return unit.prefix();
        }

        long unitExecutions() {
            return search.unitExecutions();
        }

        long budget() {
            return budget;
        }

        /** Fresh copies of the search's observers, for a unit run elsewhere; fails if one cannot be copied. */
        List<MergeableObserver> freshObservers() {
            List<MergeableObserver> out = new ArrayList<>();
            for (ExecutionObserver o : search.cfg().observers()) {
                if (!(o instanceof MergeableObserver m)) {
                    throw new IllegalStateException("observer " + o.getClass().getName() + " cannot observe executions run elsewhere");
                }
                out.add(m.fresh());
            }
            return out;
        }
    }

    /** Runs each round's units on {@code workers} threads of this JVM. */
    public static UnitRunner local(int workers) {
        Workers pool = new Workers(workers);
        return units -> {
            List<Supplier<UnitResult>> jobs = new ArrayList<>();
            for (WorkUnit u : units) {
                jobs.add(u::runHere);
            }
            return pool.run(jobs);
        };
    }

    /**
     * Explores {@code program} with DPOR ({@code cfg.strategy()} must be dpor) split at
     * {@code splitDepth} choice frames, on {@code workers} threads.
     */
    public static ExplorationResult explore(Program program, SearchConfig cfg, int workers, int splitDepth) {
        return explore(program, cfg, workers, splitDepth, Long.MAX_VALUE);
    }

    /**
     * As {@link #explore(Program, SearchConfig, int, int)}, and a unit that has run
     * {@code unitExecutions} executions (complete or blocked) with more to do hands its current
     * path over to the coordinator: every frame of it becomes a coordinator frame, and what they
     * still owe becomes units of the next round. This splits deep searches whose branching lies
     * beyond the split depth.
     */
    public static ExplorationResult explore(Program program, SearchConfig cfg, int workers, int splitDepth, long unitExecutions) {
        return explore(program, cfg, splitDepth, unitExecutions, local(workers));
    }

    /**
     * As {@link #explore(Program, SearchConfig, int, int, long)}, with each round's units run by
     * {@code runner}; the result is the same for every runner that returns every unit's result.
     */
    public static ExplorationResult explore(Program program, SearchConfig cfg, int splitDepth, long unitExecutions, UnitRunner runner) {
        if (cfg.strategy().kind() != StrategySpec.Kind.DPOR) {
            throw new IllegalArgumentException("a split search runs dpor, not " + cfg.strategy().kind());
        }
        long start = cfg.ticker().nanos();
        BooleanSupplier timeUp = () -> cfg.timeLimitMillis() > 0 && (cfg.ticker().nanos() - start) / 1_000_000 >= cfg.timeLimitMillis();
        BooleanSupplier over = () -> timeUp.getAsBoolean() || cfg.cancelled().getAsBoolean();
        // Progress comes from the coordinator between rounds and from every unit's long executions
        // (their heartbeat), one call at a time; counts are those of the rounds already merged.
        Object progressLock = new Object();
        long[] merged = new long[1];
        RunConfig run = cfg.run().withHeartbeat(inExecution -> {
            synchronized (progressLock) {
                cfg.progress().inExecution(merged[0], inExecution, cfg.ticker().nanos() - start);
            }
            return over.getAsBoolean();
        });
        OrderedObservers observers = new OrderedObservers(cfg.observers());
        Search search = new Search(program, cfg, run, splitDepth, unitExecutions, observers, over);
        Map<String, Violation> found = new LinkedHashMap<>();
        long executions = 0;
        long blocked = 0;
        long steps = 0;
        boolean bounded = false;
        StopReason stop = null;
        int slots = 0;
        List<Unit> units = List.of(new Unit(null, -1, 0));
        Node[] roots = new Node[1];
        while (stop == null) {
            long budget = cfg.maxExecutions() - executions - blocked;
            List<WorkUnit> round = new ArrayList<>();
            for (Unit unit : units) {
                round.add(new WorkUnit(search, unit, slots++, budget));
            }
            List<UnitResult> results = runner.run(round);
            if (results.size() != units.size()) {
                throw new IllegalStateException("a round of " + units.size() + " units came back with " + results.size() + " results");
            }
            boolean stopNow = false;
            boolean interrupted = false;
            for (int u = 0; u < units.size(); u++) {
                UnitResult r = results.get(u);
                absorb(cfg.observers(), r.observed());
                merge(found, r.found(), executions);
                executions += r.executions();
                blocked += r.blocked();
                steps += r.steps();
                bounded |= r.bounded();
                stopNow |= r.stopNow();
                interrupted |= r.interrupted();
            }
            synchronized (progressLock) {
                merged[0] = executions;
                cfg.progress().update(executions, blocked, found.size(), cfg.ticker().nanos() - start);
            }
            if (interrupted) {
                stop = timeUp.getAsBoolean() ? StopReason.TIME_LIMIT : StopReason.INTERRUPTED;
            } else if (stopNow) {
                stop = StopReason.FIRST_VIOLATION;
            } else if (executions + blocked >= cfg.maxExecutions()) {
                stop = StopReason.MAX_EXECUTIONS;
            } else if (timeUp.getAsBoolean()) {
                stop = StopReason.TIME_LIMIT;
            } else if (cfg.cancelled().getAsBoolean()) {
                stop = StopReason.INTERRUPTED;
            } else {
                for (int u = 0; u < units.size(); u++) {
                    mergeFrames(units.get(u), results.get(u).frames(), roots);
                }
                units = next(roots[0]);
                if (units.isEmpty()) {
                    stop = StopReason.EXHAUSTED;
                }
            }
        }
        boolean exhaustive = stop == StopReason.EXHAUSTED && !bounded;
        List<Violation> violations = new ArrayList<>(found.values());
        if (cfg.minimize() && !violations.isEmpty()) {
            violations = Explorer.minimize(program, cfg, run, violations, over);
        }
        cfg.progress().update(executions, blocked, violations.size(), cfg.ticker().nanos() - start);
        return new ExplorationResult(program.name(), "dpor", cfg.strategy().seed(), exhaustive, executions, blocked, steps, bounded,
                (cfg.ticker().nanos() - start) / 1_000_000, stop, cfg.run().experiments(), violations);
    }

    /** Feeds what a unit run elsewhere observed to the search's observers (in unit order: the caller's loop). */
    private static void absorb(List<ExecutionObserver> targets, List<MergeableObserver> observed) {
        if (observed == null) {
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            ((MergeableObserver) targets.get(i)).absorb(observed.get(i));
        }
    }

    /**
     * Runs a unit sent as plain data ({@link UnitWire#unit}) on this JVM, with {@code program} and
     * {@code cfg} rebuilt here as the sender built them, and returns its result as plain data
     * ({@link UnitWire#result}); the unit's executions go to fresh copies of the sender's observers,
     * returned with it. {@code over} stops it in the middle (the sender gave up on it).
     */
    public static byte[] runSent(Program program, SearchConfig cfg, byte[] unit, BooleanSupplier over) {
        UnitWire.SentUnit u = UnitWire.readUnit(unit);
        RunConfig run = cfg.run().withHeartbeat(inExecution -> over.getAsBoolean());
        ExecutionObserver all = o -> {
            for (MergeableObserver m : u.observers()) {
                m.onExecution(o);
            }
        };
        return UnitWire.result(runUnit(program, cfg, run, u.prefix(), u.floor(), u.unitExecutions(), u.budget(), all, over,
                u.observers()));
    }

    private static UnitResult runUnit(Program program, SearchConfig cfg, RunConfig run, List<SourceDpor.FrameState> prefix, int floor,
            long unitExecutions, long budget, ExecutionObserver observer, BooleanSupplier over, List<MergeableObserver> observed) {
        // The unit backtracks only below its root: the frames of its prefix are the coordinator's.
        SourceDpor dpor = new SourceDpor(prefix, floor);
        Map<String, Violation> found = new LinkedHashMap<>();
        long executions = 0;
        long blocked = 0;
        long steps = 0;
        boolean bounded = false;
        boolean stopNow = false;
        boolean interrupted = false;
        while (executions + blocked < budget && (executions + blocked < unitExecutions || dpor.pathLength() > MAX_HANDOVER_FRAMES)
                && !over.getAsBoolean() && dpor.beginExecution()) {
            ExecutionOutcome o = new Execution(program, run, dpor).run();
            steps += o.log().size();
            if (o.status() == ExecutionOutcome.Status.INTERRUPTED) {
                interrupted = true;
                break;
            }
            dpor.endExecution(o);
            bounded |= o.bounded();
            if (o.status() == ExecutionOutcome.Status.ABANDONED) {
                blocked++;
                continue;
            }
            executions++;
            observer.onExecution(o);
            if (Explorer.collect(found, o, executions, cfg)) {
                stopNow = true;
                break;
            }
        }
        // Finished: the coordinator frames, their backtrack sets as the races left them. Cut off after
        // unitExecutions: the last execution's whole path, each frame with what it still owes.
        return new UnitResult(executions, blocked, steps, bounded, stopNow, interrupted, found, dpor.pathFrames(), observed);
    }

    /** Adds a unit's violations (execution numbers from 1 within the unit) as the sequential search would have collected them. */
    private static void merge(Map<String, Violation> found, Map<String, Violation> unit, long before) {
        for (Violation v : unit.values()) {
            Violation old = found.get(v.key());
            if (old == null) {
                found.put(v.key(), new Violation(v.kind(), v.message(), v.task(), v.trace(), v.decisions(), before + v.execution(),
                        v.waits(), v.afterFailure()));
            } else if ((old.afterFailure() && !v.afterFailure()) || (old.afterFailure() == v.afterFailure()
                    && (v.trace().preemptions() < old.trace().preemptions() || (v.trace().preemptions() == old.trace().preemptions()
                    && v.trace().steps().size() < old.trace().steps().size())))) {
                found.put(v.key(), old.withCounterexample(v.task(), v.trace(), v.decisions(), v.afterFailure()));
            }
        }
    }

    /** Merges what a unit found at the coordinator's frames: races' backtrack additions, its branch's step, and the new frames of its first path. */
    private static void mergeFrames(Unit unit, List<SourceDpor.FrameState> frames, Node[] roots) {
        Node node = unit.node();
        int rootIndex = node == null ? -1 : node.index();
        for (Node a = node; a != null; a = a.parent) {
            if (a.index() < frames.size()) {
                a.backtrack.or(frames.get(a.index()).backtrack);
            }
        }
        if (node != null && rootIndex < frames.size()) {
            SourceDpor.FrameState mine = frames.get(rootIndex);
            if (unit.task() < mine.doneFp.length && mine.doneFp[unit.task()] != null) {
                node.setDoneFp(unit.task(), mine.doneFp[unit.task()]);
            }
            if (unit.value() == 0 && mine.valueCount > 0) {
                node.valueCounts.put(unit.task(), mine.valueCount);
            }
        }
        Node parent = node;
        long branch = node == null ? 0 : branchKey(unit.task(), unit.value());
        for (int i = rootIndex + 1; i < frames.size(); i++) {
            SourceDpor.FrameState f = frames.get(i);
            if (f.fixed) {
                continue;
            }
            Node child = new Node(parent, frames.subList(0, i + 1)); // a view: the unit's list is never changed
            if (f.chosen >= 0 && f.valueCount > 0) {
                child.valueCounts.put(f.chosen, f.valueCount);
                for (int v = 1; v <= f.value; v++) {
                    child.spawnedValues.add(branchKey(f.chosen, v)); // explored before the path was handed over
                }
            }
            if (parent == null) {
                roots[0] = child;
            } else {
                parent.children.add(child);
                parent.byBranch.put(branch, child);
            }
            parent = child;
            branch = branchKey(f.chosen, f.value);
        }
    }

    /** The next round's units: every branch the coordinator's frames still owe, in depth-first order of the frames. */
    private static List<Unit> next(Node root) {
        List<Unit> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        List<Node> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            SourceDpor.FrameState s = n.state();
            for (Map.Entry<Integer, Integer> e : new java.util.TreeMap<>(n.valueCounts).entrySet()) {
                int t = e.getKey();
                for (int v = 1; v < e.getValue(); v++) {
                    if (n.spawnedValues.add(branchKey(t, v))) {
                        out.add(new Unit(n, t, v));
                    }
                }
            }
            BitSet todo = (BitSet) n.backtrack.clone();
            todo.andNot(n.done);
            todo.andNot(s.sleep);
            todo.and(s.enabled);
            for (int t = todo.nextSetBit(0); t >= 0; t = todo.nextSetBit(t + 1)) {
                n.done.set(t);
                out.add(new Unit(n, t, 0));
            }
            for (int c = n.children.size() - 1; c >= 0; c--) {
                stack.add(n.children.get(c));
            }
        }
        return out;
    }
}
