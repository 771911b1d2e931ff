package dev.whylock.engine.search;

import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.SchedulingPoint;

/**
 * Iterative preemption bounding (CHESS): every schedule with 0 preemptions, then with at most 1,
 * and so on up to {@code maxBound}. With {@code stopOn} set, the first counterexample found has the
 * fewest preemptions any counterexample can have. Lower bounds are re-run at each level.
 */
public final class IterativeBounding implements SearchStrategy {
    private final int maxBound;
    private int bound;
    private Dfs current;

    public IterativeBounding(int maxBound) {
        if (maxBound < 0) {
            throw new IllegalArgumentException("the preemption bound must be at least 0");
        }
        this.maxBound = maxBound;
        this.current = new Dfs(0);
    }

    /** The bound of the level being explored. */
    public int bound() {
        return bound;
    }

    /** Whether the last level cut off schedules with more preemptions. */
    public boolean pruned() {
        return current.pruned();
    }

    @Override
    public boolean beginExecution() {
        while (!current.beginExecution()) {
            if (bound >= maxBound || !current.pruned()) {
                return false;
            }
            bound++;
            current = new Dfs(bound);
        }
        return true;
    }

    @Override
    public int pickTask(SchedulingPoint point) {
        return current.pickTask(point);
    }

    @Override
    public int pickValue(int step, int n) {
        return current.pickValue(step, n);
    }

    @Override
    public void executed(Op op, boolean fixed) {
        current.executed(op, fixed);
    }

    @Override
    public void taskCreated(int task, int parent) {
        current.taskCreated(task, parent);
    }

    @Override
    public void endExecution(ExecutionOutcome outcome) {
        current.endExecution(outcome);
    }

    @Override
    public boolean exhaustsSpace() {
        return true;
    }

    @Override
    public String name() {
        return "iterative-preemption-bounding(<=" + maxBound + ")";
    }
}
