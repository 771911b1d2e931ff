package dev.whylock.engine.search;

import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.SchedulingPoint;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Probabilistic Concurrency Testing (Burckhardt et al., ASPLOS 2010): random task priorities and
 * {@code d - 1} random priority-change points; the highest-priority enabled task runs. Finds a bug
 * of depth d with probability at least 1/(n k^(d-1)) per execution.
 */
public final class Pct implements SearchStrategy {
    private final long seed;
    private final int depth;
    private long execution;
    private int stepEstimate = 64;
    private Rng rng;
    private int[] priority = new int[16];
    private int[] changePoints;
    private int changesDone;
    private int maxStep;

    public Pct(long seed, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("PCT depth must be at least 1");
        }
        this.seed = seed;
        this.depth = depth;
    }

    @Override
    public boolean beginExecution() {
        rng = new Rng(seed * 0x9E3779B97F4A7C15L + execution++);
        Arrays.fill(priority, 0);
        changePoints = new int[depth - 1];
        for (int i = 0; i < changePoints.length; i++) {
            changePoints[i] = 1 + rng.nextInt(stepEstimate);
        }
        Arrays.sort(changePoints);
        changesDone = 0;
        maxStep = 0;
        return true;
    }

    @Override
    public void taskCreated(int task, int parent) {
        if (task >= priority.length) {
            priority = Arrays.copyOf(priority, Math.max(task + 1, priority.length * 2));
        }
        // Initial priorities lie above every change-point priority (1..d-1).
        priority[task] = depth + rng.nextInt(1 << 20);
    }

    @Override
    public int pickTask(SchedulingPoint p) {
        int step = p.step();
        maxStep = Math.max(maxStep, step);
        BitSet en = p.enabled();
        int best = highest(en);
        while (changesDone < changePoints.length && changePoints[changesDone] <= step) {
            priority[best] = depth - 1 - changesDone;
            changesDone++;
            best = highest(en);
        }
        return best;
    }

    private int highest(BitSet en) {
        int best = -1;
        for (int t = en.nextSetBit(0); t >= 0; t = en.nextSetBit(t + 1)) {
            if (best < 0 || priority[t] > priority[best]) {
                best = t;
            }
        }
        return best;
    }

    @Override
    public int pickValue(int step, int n) {
        return rng.nextInt(n);
    }

    @Override
    public void endExecution(ExecutionOutcome outcome) {
        stepEstimate = Math.max(stepEstimate, outcome.log().size());
    }

    @Override
    public boolean exhaustsSpace() {
        return false;
    }

    @Override
    public String name() {
        return "pct(d=" + depth + ")";
    }
}
