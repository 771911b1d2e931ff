package dev.whylock.engine.search;

import java.util.List;

/** Which search to run, as named on the command line. */
public record StrategySpec(Kind kind, long seed, int pctDepth, int preemptionBound, List<Integer> replay, boolean optimal,
        boolean lockAware) {

    public enum Kind { DPOR, DFS, BOUNDED, PCT, RANDOM, REPLAY }

    /**
     * Whether {@link #dpor()} uses wakeup trees (optimal DPOR) unless asked otherwise: yes, since they
     * explore exactly the traces source sets explore and abandon fewer executions (docs/engine.md,
     * "Optimal DPOR"); {@code dpor(false)} keeps source sets.
     */
    public static final boolean OPTIMAL_BY_DEFAULT = true;

    public StrategySpec {
        replay = replay == null ? List.of() : List.copyOf(replay);
    }

    public StrategySpec(Kind kind, long seed, int pctDepth, int preemptionBound, List<Integer> replay, boolean optimal) {
        this(kind, seed, pctDepth, preemptionBound, replay, optimal, false);
    }

    public StrategySpec(Kind kind, long seed, int pctDepth, int preemptionBound, List<Integer> replay) {
        this(kind, seed, pctDepth, preemptionBound, replay, kind == Kind.DPOR && OPTIMAL_BY_DEFAULT);
    }

    /** DPOR with sleep sets: optimal (wakeup trees) if {@link #OPTIMAL_BY_DEFAULT}, else source sets. */
    public static StrategySpec dpor() {
        return new StrategySpec(Kind.DPOR, 0, 0, -1, null);
    }

    /** DPOR with sleep sets and wakeup trees ({@code optimal}) or source sets. */
    public static StrategySpec dpor(boolean optimal) {
        return new StrategySpec(Kind.DPOR, 0, 0, -1, null, optimal);
    }

    /**
     * The same DPOR with lock-aware reduction on or off (off by default; DPOR only): two acquisitions
     * of a kernel mutex whose critical sections touch no common object are not reordered unless a
     * race outside them needs it (docs/engine.md, "Lock-aware reduction"). The sequential search
     * only: the split search ignores it.
     */
    public StrategySpec withLockAware(boolean on) {
        return new StrategySpec(kind, seed, pctDepth, preemptionBound, replay, optimal, on && kind == Kind.DPOR);
    }

    public static StrategySpec dfs(int preemptionBound) {
        return new StrategySpec(Kind.DFS, 0, 0, preemptionBound, null);
    }

    /** Iterative preemption bounding: 0, 1, ... up to {@code maxBound} preemptions. */
    public static StrategySpec bounded(int maxBound) {
        return new StrategySpec(Kind.BOUNDED, 0, 0, maxBound, null);
    }

    public static StrategySpec pct(long seed, int depth) {
        return new StrategySpec(Kind.PCT, seed, depth, -1, null);
    }

    public static StrategySpec random(long seed) {
        return new StrategySpec(Kind.RANDOM, seed, 0, -1, null);
    }

    public static StrategySpec replay(List<Integer> decisions) {
        return new StrategySpec(Kind.REPLAY, 0, 0, -1, decisions);
    }

    /** A fresh strategy instance. */
    public SearchStrategy create() {
        return switch (kind) {
            case DPOR -> new SourceDpor(optimal, lockAware);
            case DFS -> new Dfs(preemptionBound);
            case BOUNDED -> new IterativeBounding(preemptionBound);
            case PCT -> new Pct(seed, pctDepth);
            case RANDOM -> new RandomWalk(seed);
            case REPLAY -> new Replay(replay);
        };
    }
}
