package dev.whylock.engine.exec;

import java.util.BitSet;
import java.util.List;

/** The read-only state a strategy sees at one scheduling decision. */
record PointView(List<TaskState> taskStates, BitSet enabled, int step, int lastTask) implements SchedulingPoint {

    @Override
    public Access pending(int task) {
        Op p = taskStates.get(task).pending;
        return p == null ? null : p.access;
    }

    @Override
    public int tasks() {
        return taskStates.size();
    }

    @Override
    public long deadline(int task) {
        TaskState ts = taskStates.get(task);
        return ts.work != null && ts.pending != null && ts.pending.kind == OpKind.WORK_START ? ts.work.deadline : Long.MIN_VALUE;
    }
}
