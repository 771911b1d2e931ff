package dev.whylock.engine.search;

import dev.whylock.engine.exec.SchedulingPoint;
import java.util.List;

/** Re-runs one recorded list of decisions; fails at the first decision that cannot be taken. */
public final class Replay implements SearchStrategy {
    private final List<Integer> decisions;
    private int next;
    private boolean ran;

    /** Thrown when the recorded schedule cannot be followed. */
    public static final class DivergenceException extends RuntimeException {
        public DivergenceException(String message) {
            super(message);
        }
    }

    public Replay(List<Integer> decisions) {
        this.decisions = List.copyOf(decisions);
    }

    @Override
    public boolean beginExecution() {
        if (ran) {
            return false;
        }
        ran = true;
        next = 0;
        return true;
    }

    @Override
    public int pickTask(SchedulingPoint p) {
        if (next >= decisions.size()) {
            throw new DivergenceException("replay diverged at step " + p.step() + ": the recorded schedule ended but tasks are still runnable");
        }
        int t = decisions.get(next++);
        if (t < 0 || t >= p.tasks() || !p.enabled().get(t)) {
            throw new DivergenceException("replay diverged at step " + p.step() + ": recorded task " + t + " is not runnable there");
        }
        return t;
    }

    @Override
    public int pickValue(int step, int n) {
        if (next >= decisions.size()) {
            throw new DivergenceException("replay diverged at step " + step + ": the recorded schedule has no value for a choice");
        }
        int v = decisions.get(next++);
        if (v < 0 || v >= n) {
            throw new DivergenceException("replay diverged at step " + step + ": recorded value " + v + " is outside [0, " + n + ")");
        }
        return v;
    }

    @Override
    public boolean exhaustsSpace() {
        return false;
    }

    @Override
    public String name() {
        return "replay";
    }
}
