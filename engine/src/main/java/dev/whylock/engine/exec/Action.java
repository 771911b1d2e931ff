package dev.whylock.engine.exec;

/**
 * The semantics of one kind of visible operation, in one place: when it may run, what it does,
 * what it touches (for the search's dependency relation), and how a task blocked on it waits.
 *
 * <p>Implementations are grouped by the primitive they belong to ({@link LockActions},
 * {@link FieldActions}, {@link ObjActions}, {@link TaskActions}, {@link WorkActions},
 * {@link CompletionActions}, {@link QuiescenceActions}, {@link ValueActions}, and for Java
 * {@link MonitorActions}, {@link ConditionActions}, {@link ReadWriteActions}, {@link SemaphoreActions},
 * {@link LatchActions}, {@link BarrierActions}, {@link ThreadActions}); adding a primitive means
 * adding one such class.
 */
interface Action {

    /** Returned by {@link #apply} when the operation killed its task (a fatal violation). */
    Action KILL = new Action() {
        @Override
        public OpKind kind() {
            return OpKind.NOP;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            throw new IllegalStateException("KILL is a signal, not an operation");
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return Footprint.EMPTY;
        }
    };

    OpKind kind();

    /** The API object the operation is on (for traces and analyses), or {@code null}. */
    default Object target() {
        return null;
    }

    /** Whether a field access synchronises as a volatile field's does, whatever the field's kind ({@link dev.whylock.engine.Field#getOrdered}). */
    default boolean ordered() {
        return false;
    }

    /** The operation's argument for traces and analyses (value written, delay, sync flag), or {@code null}. */
    default Object arg() {
        return null;
    }

    /** Whether task {@code t} may perform the operation in the current state. */
    default boolean enabled(Execution x, TaskState t) {
        return true;
    }

    /**
     * Performs the operation on the execution's state, recording what it touched in {@code fp}
     * (with each object's state before it) and its return value in {@code op}. Returns {@code null}
     * when done, {@link #KILL} when it killed its task, or an operation the task now waits in.
     */
    Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp);

    /**
     * What the operation may touch while it is pending: a superset of what {@link #apply} will
     * record, used by sleep sets and for blocked operations that never run.
     */
    Footprint pendingFootprint(Execution x, TaskState t);

    /**
     * Whether task {@code task} could perform this operation in a state where {@code object} was as
     * recorded in {@code stateBefore} (the state an earlier operation found). DPOR reverses a race
     * only when it could, and looks further back when it could not. Operations that never block are
     * always {@link Enabling#ENABLED}; an operation whose enabling also depends on other objects
     * answers {@link Enabling#UNKNOWN} unless this object alone rules it out.
     */
    default Enabling couldRunWhen(int object, Object stateBefore, int task) {
        return Enabling.ENABLED;
    }

    /**
     * Whether the operation could run when the counters of work items pending or running
     * ({@code busy}) and of live spawned tasks ({@code live}) have these values; the search computes
     * them at the position a reversal would give the operation. Only waits for quiescence depend on them.
     */
    default Enabling couldRunWithCounters(long busy, long live) {
        return Enabling.ENABLED;
    }

    /**
     * Whether no operation can ever be moved across this one in either direction (the timed mode's
     * tick, which runs only when nothing else can): it takes part in no race, and the search does
     * not look for races further back than it.
     */
    default boolean barrier() {
        return false;
    }

    /**
     * Whether this operation reads virtual time (timed mode) only to wait for a deadline: its effect
     * does not depend on the time, so it depends on the tick that made it due and not on later ones
     * (a timer start, the end of a sleep). Operations that use the time's value (now(), arming a
     * timer, starting a sleep) depend on the latest tick.
     */
    default boolean waitsOnlyForDeadline() {
        return false;
    }

    /** Whether {@link #couldRunWithCounters} can ever say no: the operation waits for quiescence. */
    default boolean waitsForQuiescence() {
        return false;
    }

    /** How a task blocked on this operation waits, for deadlock messages. */
    default String waitDescription(Execution x, Op op) {
        return "is at " + kind().label();
    }

    /** Whether this blocked operation waits for a lock that a task killed by a violation still holds. */
    default boolean waitsOnKilled(Execution x) {
        return false;
    }
}
