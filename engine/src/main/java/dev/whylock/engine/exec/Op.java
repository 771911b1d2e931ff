package dev.whylock.engine.exec;

/** One visible operation of a task: pending while the task waits to be scheduled, then executed and logged. */
public final class Op {
    final Action action;
    final String site;
    /** The value read or returned. */
    Object result;
    /** Display note, e.g. "removed" or "replaced by sfp_bus->lock". */
    String note;
    /** For lock operations: the lock actually taken or released (null when the acquisition was removed or a trylock failed). */
    dev.whylock.engine.Mutex lock;
    int task;
    int step = -1;
    boolean preemption;
    /** What the executed operation touched (set once it has run). */
    Footprint footprint;
    /** For a field write or atomic update: the value stored. */
    Object written;
    /** The execution's busy and live counters just before the step. */
    int busyBefore;
    int liveBefore;
    int idsBefore;
    /** Virtual time when the step ran (milliseconds). */
    long time;

    Op(Action action, String site) {
        this.action = action;
        this.site = site;
    }

    Action action() {
        return action;
    }

    public OpKind kind() {
        return action.kind();
    }

    /**
     * Whether this field access synchronises (an access of a volatile field, or an ordered access
     * of any field: {@link dev.whylock.engine.Field#getOrdered}); such accesses never race with
     * each other and need no lock.
     */
    public boolean ordered() {
        return action.ordered() || action.target() instanceof dev.whylock.engine.Field<?> f && f.kind() == dev.whylock.engine.Field.Kind.VOLATILE;
    }

    /** The API object the operation is on (Mutex, Field, Obj, Work, Completion, Task), for traces. */
    public Object target() {
        return action.target();
    }

    public String site() {
        return site;
    }

    /** The operation's argument: the value written, a delay, or the sync flag of a cancel. */
    public Object arg() {
        return kind() == OpKind.WRITE ? written : action.arg();
    }

    public Object result() {
        return result;
    }

    public String note() {
        return note;
    }

    /** The lock actually acquired or released by a lock operation, or {@code null} (removed by an experiment, failed trylock, not a lock op). */
    public dev.whylock.engine.Mutex lock() {
        return lock;
    }

    public int task() {
        return task;
    }

    public int step() {
        return step;
    }

    public boolean preemption() {
        return preemption;
    }

    /** Virtual time when the step ran, in milliseconds. */
    public long time() {
        return time;
    }

    /** How many work items were pending or running just before the step. */
    /** How many object ids existed before this step: objects with smaller ids were made before it. */
    public int idsBefore() {
        return idsBefore;
    }

    public int busyBefore() {
        return busyBefore;
    }

    /** How many spawned tasks were alive just before the step. */
    public int liveBefore() {
        return liveBefore;
    }

    /** What the executed operation touched, with each object's state before it ({@code null} while pending). */
    public Footprint footprint() {
        return footprint;
    }

    /**
     * Whether this operation's task could have performed it in a state where {@code object} was as
     * {@code stateBefore} (judged on that object alone; see {@link Action#couldRunWhen}).
     */
    public Enabling couldRunWhen(int object, Object stateBefore) {
        return action.couldRunWhen(object, stateBefore, task);
    }

    /** Whether nothing can be moved across this operation (the timed mode's tick). */
    public boolean barrier() {
        return action.barrier();
    }

    /** Whether this operation reads virtual time only to wait for a deadline (see {@link Action#waitsOnlyForDeadline}). */
    public boolean waitsOnlyForDeadline() {
        return action.waitsOnlyForDeadline();
    }

    /** Whether this operation waits for quiescence (so the busy and live counters decide whether it can run). */
    public boolean waitsForQuiescence() {
        return action.waitsForQuiescence();
    }

    /** Whether this operation could run when the busy and live counters have these values. */
    public Enabling couldRunWithCounters(long busy, long live) {
        return action.couldRunWithCounters(busy, live);
    }

    @Override
    public String toString() {
        return "step " + step + " task " + task + " " + kind().label() + (site == null ? "" : " " + site);
    }
}
