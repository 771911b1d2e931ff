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
 * first path created. Units are numbered in the order they are handed out, and the coordinator
 * merges them in that order, each as soon as it and every earlier one are back: after merging
 * unit {@code k} it hands out at once the branches the merged frames then owe, which become the
 * next numbers. So what is handed out, with which prefix, sleep sets and budget, is a function of
 * the merges alone, never of when or where units ran: the executions, the violations (merged in
 * unit order as one sequential search would have collected them) and what observers see (in unit
 * order, only of merged units) are the same for any number of workers. There are no rounds: a
 * worker that finishes a unit takes the next one handed out, while longer units still run. Split
 * depth 0 is one unit: the sequential search.
 *
 * <p>Sleep sets: a branch's sleep set holds the tasks explored before it at its frame whose step
 * is known, i.e. of units merged before it was handed out; a sibling handed out earlier and not
 * merged yet is left awake (a smaller sleep set explores more, never less). So the executions can
 * differ from the sequential search's (more, or as many). A time or execution limit is checked
 * after each merge; each unit's budget is what was left when it was handed out, and units handed
 * out but not merged when the search stops are dropped whole.
 *
 * <p>Units always run source-DPOR, also when the strategy asks for optimal DPOR (wakeup trees):
 * a wakeup tree is one structure across a frame's branches, and a branch handed to a unit while a
 * sibling still runs could not receive the sequences the sibling's races insert under it;
 * carrying the trees would need the coordinator to re-insert every unit's sequences in unit order
 * and to re-split branches already handed out. Source sets merge as plain set unions.
 */
public final class SplitSearch {

    /**
     * The split depth the command line uses for every DPOR exploration, whatever the number of
     * workers: deep enough for many units on a few cores, shallow enough that the coordinator stays small.
     */
    public static final int DEFAULT_SPLIT_DEPTH = 6;

    /** The executions after which the command line's units hand their path over (see {@link #explore(Program, SearchConfig, int, int, long)}). */
    public static final long DEFAULT_UNIT_EXECUTIONS = 8;

    /**
     * A unit hands over only a path of at most this many frames: every frame of a handed-over path
     * becomes a coordinator frame, which costs memory and a visit when its ancestors change; a unit whose
     * executions are longer (a runaway state machine's 100,000 steps) goes on by itself.
     */
    static final int MAX_HANDOVER_FRAMES = 4_096;

    /** Below this many units out (handed out, not merged), new units are short: see {@link #NARROW_UNIT_EXECUTIONS}. */
    static final int NARROW_UNITS = 8;

    /** The executions after which a unit handed out while the search is narrow hands its path over. */
    static final long NARROW_UNIT_EXECUTIONS = 2;

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
     * Runs a batch of work units and returns their results in the units' order. The search's result
     * depends only on those results, never on where or in which order the units ran: the members of
     * a cluster, say, which send each unit as plain data ({@link UnitWire}) and run it with
     * {@link #runSent}.
     */
    public interface UnitRunner {
        List<UnitResult> run(List<WorkUnit> units);
    }

    /** What every unit of one search shares. */
    private record Search(Program program, SearchConfig cfg, RunConfig run, int splitDepth, long unitExecutions,
            OrderedObservers observers, BooleanSupplier over) {}

    /**
     * One unit of the search: {@link #runHere()} runs it on this thread, {@link UnitWire#unit} makes
     * it plain data. Made by the coordinator when the unit is handed out, with its prefix as the
     * coordinator's frames were then.
     */
    public static final class WorkUnit {
        private final Search search;
        private final Unit unit;
        private final List<SourceDpor.FrameState> prefix;
        private final int slot;
        private final long budget;
        private final long handOver;

        private WorkUnit(Search search, Unit unit, int slot, long budget, long handOver) {
            this.search = search;
            this.unit = unit;
            this.prefix = unit.prefix();
            this.slot = slot;
            this.budget = budget;
            this.handOver = handOver;
        }

        /**
         * Runs the unit here; its executions go to the search's observers, in unit order. Once the
         * search stopped without it, it returns at once (or at its next execution) and is not merged.
         */
        public UnitResult runHere() {
            return runUnit(search.program(), search.cfg(), search.run(), prefix, floor(), handOver, budget,
                    search.observers().slot(slot), search.over(), null);
        }

        /** The unit's number in the whole search (0, 1, ...), the order its result is merged in. */
        public int index() {
            return slot;
        }

        /**
         * Whether the search no longer needs this unit's result: it stopped without it, or was
         * cancelled or ran out of time. A unit run elsewhere may then be given up (its result null).
         */
        public boolean abandoned() {
            return search.over().getAsBoolean();
        }

        /** The choice frames above which the unit does not backtrack (its prefix's are the coordinator's). */
        int floor() {
            return unit.node() == null ? search.splitDepth() : Math.max(search.splitDepth(), unit.node().state().choice + 1);
        }

        List<SourceDpor.FrameState> prefix() {
            return prefix;
        }

        /** The executions after which the unit hands its path over. */
        long unitExecutions() {
            return handOver;
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

    /** How the coordinator hands units out: per unit, in order, a way to wait for its result. */
    private interface Feed {
        List<Supplier<UnitResult>> start(List<WorkUnit> units);

        /** The search is over: units not started need not run; returns once none of them runs on this JVM. */
        void stop();
    }

    /**
     * Runs units on {@code workers} threads of this JVM as they are handed out, in order: the
     * coordinator runs the unit it waits for itself if no worker started it, so one worker is one
     * thread.
     */
    private static Feed local(int workers) {
        return feed(workers, WorkUnit::runHere);
    }

    /** Runs units with {@code one} on a {@link Workers.Feed} of {@code workers}, as they are handed out. */
    private static Feed feed(int workers, java.util.function.Function<WorkUnit, UnitResult> one) {
        Workers.Feed<UnitResult> feed = new Workers(workers).feed();
        return new Feed() {
            @Override
            public List<Supplier<UnitResult>> start(List<WorkUnit> units) {
                List<Supplier<UnitResult>> out = new ArrayList<>(units.size());
                for (WorkUnit u : units) {
                    out.add(feed.add(() -> one.apply(u)));
                }
                return out;
            }

            @Override
            public void stop() {
                feed.skipRest();
            }
        };
    }

    /**
     * Runs units with {@code runner} in batches: every unit handed out since the last batch, when the
     * coordinator first waits for one of them (for the benches' and tests' runners, which take rounds
     * of the units owed so far).
     */
    private static Feed batches(UnitRunner runner) {
        return new Feed() {
            private List<WorkUnit> waiting = new ArrayList<>();
            private final Map<WorkUnit, UnitResult> results = new java.util.IdentityHashMap<>();

            @Override
            public List<Supplier<UnitResult>> start(List<WorkUnit> units) {
                waiting.addAll(units);
                List<Supplier<UnitResult>> out = new ArrayList<>(units.size());
                for (WorkUnit u : units) {
                    out.add(() -> {
                        if (!results.containsKey(u)) {
                            runWaiting();
                        }
                        return results.remove(u);
                    });
                }
                return out;
            }

            private void runWaiting() {
                List<WorkUnit> batch = waiting;
                waiting = new ArrayList<>();
                List<UnitResult> rs = runner.run(batch);
                if (rs.size() != batch.size()) {
                    throw new IllegalStateException(batch.size() + " units came back with " + rs.size() + " results");
                }
                for (int i = 0; i < batch.size(); i++) {
                    results.put(batch.get(i), rs.get(i));
                }
            }

            @Override
            public void stop() {
                // a batch runs to its end before the coordinator sees it
            }
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
     * still owe becomes new units. This splits deep searches whose branching lies beyond the split
     * depth.
     */
    public static ExplorationResult explore(Program program, SearchConfig cfg, int workers, int splitDepth, long unitExecutions) {
        return explore(program, cfg, splitDepth, unitExecutions, local(workers));
    }

    /**
     * As {@link #explore(Program, SearchConfig, int, int, long)}, with the units run by
     * {@code runner} in batches (every unit handed out since its last batch); the result is the
     * same for every runner that returns every unit's result, and the same as on this JVM's threads.
     */
    public static ExplorationResult explore(Program program, SearchConfig cfg, int splitDepth, long unitExecutions, UnitRunner runner) {
        return explore(program, cfg, splitDepth, unitExecutions, batches(runner));
    }

    /**
     * As {@link #explore(Program, SearchConfig, int, int, long)}, each unit run by {@code one} (on
     * another machine, say) as soon as it is handed out, up to {@code parallel} at once (the calling
     * thread is one of them). {@code one} returns the unit's result, or null if it gave the unit up
     * because the unit became {@link WorkUnit#abandoned() abandoned}. The result is the same as on
     * this JVM's threads for any {@code parallel}.
     */
    public static ExplorationResult explore(Program program, SearchConfig cfg, int splitDepth, long unitExecutions, int parallel,
            java.util.function.Function<WorkUnit, UnitResult> one) {
        return explore(program, cfg, splitDepth, unitExecutions, feed(parallel, one));
    }

    /** A unit handed out and not merged yet. */
    private record Pending(WorkUnit work, Supplier<UnitResult> result) {}

    private static ExplorationResult explore(Program program, SearchConfig cfg, int splitDepth, long unitExecutions, Feed feed) {
        if (cfg.strategy().kind() != StrategySpec.Kind.DPOR) {
            throw new IllegalArgumentException("a split search runs dpor, not " + cfg.strategy().kind());
        }
        long start = cfg.ticker().nanos();
        BooleanSupplier timeUp = () -> cfg.timeLimitMillis() > 0 && (cfg.ticker().nanos() - start) / 1_000_000 >= cfg.timeLimitMillis();
        BooleanSupplier over = () -> timeUp.getAsBoolean() || cfg.cancelled().getAsBoolean();
        // Units still running when the search stops without them end at their next execution.
        java.util.concurrent.atomic.AtomicBoolean abandoned = new java.util.concurrent.atomic.AtomicBoolean();
        BooleanSupplier unitOver = () -> abandoned.get() || over.getAsBoolean();
        // Progress comes from the coordinator after each merge and from every unit's long executions
        // (their heartbeat), one call at a time; counts are those of the units already merged.
        Object progressLock = new Object();
        long[] merged = new long[1];
        java.util.function.Function<BooleanSupplier, RunConfig> beating = stops -> cfg.run().withHeartbeat(inExecution -> {
            synchronized (progressLock) {
                cfg.progress().inExecution(merged[0], inExecution, cfg.ticker().nanos() - start);
            }
            return stops.getAsBoolean();
        });
        RunConfig run = beating.apply(over);
        OrderedObservers observers = new OrderedObservers(cfg.observers());
        Search search = new Search(program, cfg, beating.apply(unitOver), splitDepth, unitExecutions, observers, unitOver);
        Map<String, Violation> found = new LinkedHashMap<>();
        long executions = 0;
        long blocked = 0;
        long steps = 0;
        boolean bounded = false;
        StopReason stop = null;
        java.util.ArrayDeque<Pending> pending = new java.util.ArrayDeque<>();
        int[] slots = new int[1];
        Node[] roots = new Node[1];
        try {
            handOut(List.of(new Unit(null, -1, 0)), search, feed, cfg.maxExecutions(), slots, pending);
            while (stop == null) {
                Pending p = pending.poll();
                if (p == null) {
                    stop = StopReason.EXHAUSTED;
                    break;
                }
                UnitResult r = p.result().get();
                if (r == null) { // given up where it ran: the search was cancelled or ran out of time
                    stop = timeUp.getAsBoolean() ? StopReason.TIME_LIMIT : StopReason.INTERRUPTED;
                    break;
                }
                absorb(cfg.observers(), r.observed());
                merge(found, r.found(), executions);
                executions += r.executions();
                blocked += r.blocked();
                steps += r.steps();
                bounded |= r.bounded();
                synchronized (progressLock) {
                    merged[0] = executions;
                    cfg.progress().update(executions, blocked, found.size(), cfg.ticker().nanos() - start);
                }
                if (r.interrupted()) {
                    stop = timeUp.getAsBoolean() ? StopReason.TIME_LIMIT : StopReason.INTERRUPTED;
                } else if (r.stopNow()) {
                    stop = StopReason.FIRST_VIOLATION;
                } else if (executions + blocked >= cfg.maxExecutions()) {
                    stop = StopReason.MAX_EXECUTIONS;
                } else if (timeUp.getAsBoolean()) {
                    stop = StopReason.TIME_LIMIT;
                } else if (cfg.cancelled().getAsBoolean()) {
                    stop = StopReason.INTERRUPTED;
                } else {
                    observers.finish(p.work().index()); // the next unit's executions may reach the observers now
                    List<Node> touched = mergeFrames(p.work().unit, r.frames(), roots);
                    handOut(next(touched), search, feed, cfg.maxExecutions() - executions - blocked, slots, pending);
                }
            }
        } finally {
            // Units handed out and not merged: their executions reach no observer, and they stop.
            observers.close();
            abandoned.set(true);
            feed.stop();
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

    /**
     * Makes {@code units} work units (numbered on from {@code slots[0]}, each with {@code budget})
     * and starts them. In a search whose units hand their path over, while fewer than
     * {@link #NARROW_UNITS} units are out, they do so after at most {@link #NARROW_UNIT_EXECUTIONS}
     * executions, so that a narrow search fans out early; the count of units out is a function of
     * the merges, so this is the same for any number of workers.
     */
    private static void handOut(List<Unit> units, Search search, Feed feed, long budget, int[] slots, java.util.ArrayDeque<Pending> pending) {
        if (units.isEmpty()) {
            return;
        }
        long handOver = search.unitExecutions() < Long.MAX_VALUE && pending.size() < NARROW_UNITS
                ? Math.min(NARROW_UNIT_EXECUTIONS, search.unitExecutions()) : search.unitExecutions();
        List<WorkUnit> work = new ArrayList<>(units.size());
        for (Unit u : units) {
            work.add(new WorkUnit(search, u, slots[0]++, budget, handOver));
        }
        List<Supplier<UnitResult>> results = feed.start(work);
        for (int i = 0; i < units.size(); i++) {
            pending.add(new Pending(work.get(i), results.get(i)));
        }
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

    /**
     * Merges what a unit found at the coordinator's frames: races' backtrack additions, its branch's
     * step, and the new frames of its first path. Returns the frames this could have left owing
     * branches: the unit's node and its ancestors (from the start down), then the new frames in
     * path order; no other frame changed.
     */
    private static List<Node> mergeFrames(Unit unit, List<SourceDpor.FrameState> frames, Node[] roots) {
        Node node = unit.node();
        int rootIndex = node == null ? -1 : node.index();
        List<Node> touched = new ArrayList<>();
        for (Node a = node; a != null; a = a.parent) {
            if (a.index() < frames.size()) {
                a.backtrack.or(frames.get(a.index()).backtrack);
            }
            touched.add(a);
        }
        java.util.Collections.reverse(touched);
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
            }
            touched.add(child);
            parent = child;
        }
        return touched;
    }

    /** The branches {@code nodes} owe and were not handed out yet, in the nodes' order. */
    private static List<Unit> next(List<Node> nodes) {
        List<Unit> out = new ArrayList<>();
        for (Node n : nodes) {
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
        }
        return out;
    }
}
