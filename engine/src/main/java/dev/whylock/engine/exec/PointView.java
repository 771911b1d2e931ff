package dev.whylock.engine.exec;

import java.util.BitSet;
import java.util.List;

/** The read-only state a strategy sees at one scheduling decision. */
record PointView(Execution x, List<TaskState> taskStates, BitSet enabled, int step, int lastTask) implements SchedulingPoint {

    @Override
    public Op pending(int task) {
        TaskState ts = taskStates.get(task);
        return ts.done ? null : ts.pending;
    }

    @Override
    public Footprint pendingFootprint(int task) {
        TaskState ts = taskStates.get(task);
        return ts.done || ts.pending == null ? null : x.pendingFootprint(ts);
    }

    @Override
    public int tasks() {
        return taskStates.size();
    }

    @Override
    public long deadline(int task) {
        TaskState ts = taskStates.get(task);
        return ts.work != null && ts.pending != null && ts.pending.kind() == OpKind.WORK_START ? ts.work.deadline : Long.MIN_VALUE;
    }
}
