package dev.whylock.engine.exec;

/**
 * The search strategy's side of one execution: it is asked for every scheduling decision and told
 * every executed operation. Fray-style: the whole strategy interface is these few methods.
 */
public interface Chooser {

    /** Returned by {@link #pickTask} to abandon the execution (all enabled tasks are asleep). */
    int ABANDON = -1;

    /** Chooses which enabled task runs its pending operation next. */
    int pickTask(SchedulingPoint point);

    /** Chooses a value in {@code [0, n)} for {@link dev.whylock.engine.Env#choose}. */
    int pickValue(int step, int n);

    /** Called after every executed operation, including fixed (setup) steps that made no choice. */
    void executed(Op op, boolean fixed);

    /** Called when a task is created, before it runs; {@code parent} is the creating task. */
    void taskCreated(int task, int parent);

    /** Called when no task is enabled but some are blocked (a deadlock), with the blocked operations pending. */
    default void stuck(SchedulingPoint point) {}

    /**
     * Called when a fatal violation ended the execution while tasks still had operations pending:
     * the execution is not maximal, so races with those operations must still be considered.
     */
    default void truncated(SchedulingPoint point) {}
}
