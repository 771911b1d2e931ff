package dev.whylock.engine.search;

import java.util.List;

/** Which search to run, as named on the command line. */
public record StrategySpec(Kind kind, long seed, int pctDepth, int preemptionBound, List<Integer> replay) {

    public enum Kind { DPOR, DFS, BOUNDED, PCT, RANDOM, REPLAY }

    public StrategySpec {
        replay = replay == null ? List.of() : List.copyOf(replay);
    }

    public static StrategySpec dpor() {
        return new StrategySpec(Kind.DPOR, 0, 0, -1, null);
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
            case DPOR -> new SourceDpor();
            case DFS -> new Dfs(preemptionBound);
            case BOUNDED -> new IterativeBounding(preemptionBound);
            case PCT -> new Pct(seed, pctDepth);
            case RANDOM -> new RandomWalk(seed);
            case REPLAY -> new Replay(replay);
        };
    }
}
