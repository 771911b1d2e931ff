package dev.whylock.engine.exec;

/** One visible operation of a task: pending while the task waits to be scheduled, then executed. */
public final class Op {
    final OpKind kind;
    final Access access;
    /** The API object the operation is on (Mutex, Field, Obj, Work, Completion, Task), for traces. */
    final Object target;
    final String site;
    /** The value written, or the argument (delay, choice bound). */
    Object arg;
    /** The value read or returned. */
    Object result;
    /** Display note, e.g. "removed" or "replaced by sfp_bus->lock". */
    String note;
    /** For lock operations: the lock actually taken or released (null when the acquisition was removed or a trylock failed). */
    dev.whylock.engine.Mutex lock;
    int task;
    int step = -1;
    boolean preemption;

    Op(OpKind kind, Access access, Object target, String site, Object arg) {
        this.kind = kind;
        this.access = access;
        this.target = target;
        this.site = site;
        this.arg = arg;
    }

    public OpKind kind() {
        return kind;
    }

    public Access access() {
        return access;
    }

    public Object target() {
        return target;
    }

    public String site() {
        return site;
    }

    public Object arg() {
        return arg;
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
}
