package dev.whylock.engine.search;

import dev.whylock.engine.exec.SchedulingPoint;
import java.util.BitSet;

/** Uniform random walk: at every step, any enabled task with equal probability. */
public final class RandomWalk implements SearchStrategy {
    private final long seed;
    private long execution;
    private Rng rng;

    public RandomWalk(long seed) {
        this.seed = seed;
    }

    @Override
    public boolean beginExecution() {
        rng = new Rng(seed * 0x9E3779B97F4A7C15L + execution++);
        return true;
    }

    @Override
    public int pickTask(SchedulingPoint p) {
        BitSet en = p.enabled();
        int k = rng.nextInt(en.cardinality());
        int t = en.nextSetBit(0);
        while (k-- > 0) {
            t = en.nextSetBit(t + 1);
        }
        return t;
    }

    @Override
    public int pickValue(int step, int n) {
        return rng.nextInt(n);
    }

    @Override
    public boolean exhaustsSpace() {
        return false;
    }

    @Override
    public String name() {
        return "random";
    }
}
