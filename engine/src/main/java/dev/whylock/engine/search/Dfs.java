package dev.whylock.engine.search;

import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.SchedulingPoint;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Plain depth-first enumeration of every schedule, without reduction, optionally bounded by the
 * number of preemptions (switching away from a task that could have continued). With bound k it
 * covers every schedule with at most k preemptions (Musuvathi and Qadeer, PLDI 2007); unbounded it
 * enumerates all interleavings, which the tests use as ground truth for DPOR.
 */
public final class Dfs implements SearchStrategy {

    private static final class Frame {
        final BitSet enabled;
        final int last;
        final int preemptionsBefore;
        final BitSet done = new BitSet();
        int chosen;
        int valueCount;
        int value;

        Frame(BitSet enabled, int last, int preemptionsBefore) {
            this.enabled = enabled;
            this.last = last;
            this.preemptionsBefore = preemptionsBefore;
        }

        int cost(int t) {
            return last >= 0 && t != last && enabled.get(last) ? 1 : 0;
        }
    }

    private final int preemptionBound;
    private final List<Frame> frames = new ArrayList<>();
    private boolean started;
    private boolean pruned;

    /** @param preemptionBound the maximum number of preemptions, or -1 for none */
    public Dfs(int preemptionBound) {
        this.preemptionBound = preemptionBound;
    }

    /** Whether the bound cut off some schedule (so the search was not exhaustive without bound). */
    public boolean pruned() {
        return pruned;
    }

    @Override
    public String name() {
        return preemptionBound < 0 ? "dfs" : "dfs(preemptions<=" + preemptionBound + ")";
    }

    @Override
    public boolean exhaustsSpace() {
        return true;
    }

    private boolean allowed(Frame f, int t) {
        return preemptionBound < 0 || f.preemptionsBefore + f.cost(t) <= preemptionBound;
    }

    @Override
    public boolean beginExecution() {
        if (!started) {
            started = true;
            return true;
        }
        for (int i = frames.size() - 1; i >= 0; i--) {
            Frame f = frames.get(i);
            if (f.valueCount > 0 && f.value + 1 < f.valueCount) {
                f.value++;
                truncate(i + 1);
                return true;
            }
            for (int t = f.enabled.nextSetBit(0); t >= 0; t = f.enabled.nextSetBit(t + 1)) {
                if (f.done.get(t)) {
                    continue;
                }
                if (!allowed(f, t)) {
                    pruned = true;
                    f.done.set(t);
                    continue;
                }
                f.chosen = t;
                f.done.set(t);
                f.valueCount = 0;
                f.value = 0;
                truncate(i + 1);
                return true;
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

    @Override
    public int pickTask(SchedulingPoint p) {
        int index = decisionIndex;
        decisionIndex++;
        if (index < frames.size()) {
            return frames.get(index).chosen;
        }
        int before = frames.isEmpty() ? 0 : frames.get(frames.size() - 1).preemptionsBefore
                + frames.get(frames.size() - 1).cost(frames.get(frames.size() - 1).chosen);
        Frame f = new Frame((BitSet) p.enabled().clone(), p.lastTask(), before);
        int last = p.lastTask();
        int t = last >= 0 && f.enabled.get(last) ? last : f.enabled.nextSetBit(0);
        f.chosen = t;
        f.done.set(t);
        frames.add(f);
        return t;
    }

    private int decisionIndex;

    @Override
    public int pickValue(int step, int n) {
        Frame f = frames.get(decisionIndex - 1);
        if (f.valueCount == 0) {
            f.valueCount = n;
            f.value = 0;
        }
        return f.value;
    }

    @Override
    public void endExecution(ExecutionOutcome outcome) {
        decisionIndex = 0;
    }
}
