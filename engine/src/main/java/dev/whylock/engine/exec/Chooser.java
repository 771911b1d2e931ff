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

    /**
     * Called after every executed step (the operation and the task's private code after it),
     * including fixed (setup) steps that made no choice. Tasks created during the step are
     * announced after it.
     */
    void executed(Op op, boolean fixed);

    /** Called when a task is created, before it is scheduled; {@code parent} is the creating task. */
    void taskCreated(int task, int parent);

    /**
     * Called once when the explored part of an execution ends: no task can run (finished or
     * deadlocked), the strategy abandoned it, or ({@code truncated}) the step bound cut it off.
     * The operations still pending never ran; a strategy that reasons about races must still
     * consider them.
     */
    default void ended(SchedulingPoint point, boolean truncated) {}
}
