package dev.whylock.engine.exec;

import java.util.BitSet;

/** The state the strategy sees at a scheduling decision. */
public interface SchedulingPoint {

    /** The index of the step about to be executed. */
    int step();

    /** The enabled tasks; the execution reuses this set at its next step, so a strategy that keeps it keeps a copy. */
    BitSet enabled();

    /** The pending operation of {@code task}, or {@code null} when it has finished. */
    Op pending(int task);

    /** What the pending operation of {@code task} may touch, or {@code null} when it has finished. */
    Footprint pendingFootprint(int task);

    /** The number of tasks created so far (ids are {@code 0..tasks()-1}). */
    int tasks();

    /** The task that ran the previous step, or -1. */
    int lastTask();

    /** The timer deadline of a task's pending start, for timer-aware strategies ({@code Long.MIN_VALUE} if none). */
    long deadline(int task);
}
