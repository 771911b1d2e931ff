package dev.whylock.engine.exec;

/**
 * A blocking operation that, besides its own condition on one object, an interrupt of its task and
 * (when timed) the expiry of its timeout can end: sleep, join, park, a semaphore acquisition, a
 * latch or barrier wait, a timed tryLock. Untimed, the operation itself blocks; timed, a
 * {@link Begin} step first tries it, then arms the task's timer ({@link Timeouts}) and leaves the
 * task waiting in this operation.
 *
 * <p>Reversibility: the object's recorded state decides unless the timeout or an interrupt could
 * also have ended the wait there. Only the task itself clears its interrupt flag, so if the wait
 * did not see the flag set when it ran, no interrupt could have enabled it at an earlier point
 * either (the reordered prefix keeps the task's own clearing steps and at most drops interrupts);
 * only when it saw the flag is the answer {@link Enabling#UNKNOWN}. The wait remembers what it saw,
 * which is why these operations are objects with state rather than records.
 */
abstract class Waiting implements Action {

    /** How a wait ended other than by its condition; shown as the operation's result. */
    enum Ended {
        INTERRUPTED, TIMED_OUT, BROKEN
    }

    /** No object decides (a sleep waits only for its timeout). */
    static final int NONE = Integer.MIN_VALUE;

    final long timeout;
    final boolean ordered;
    private boolean sawInterrupt;
    /** Where the timer was armed to expire (set by {@link Begin}); matters in timed mode. */
    long deadline = Long.MAX_VALUE;
    /** The operation's result for the task, from whichever step ended it (the begin or the wait). */
    Object outcome;

    /**
     * {@code timeout} negative: untimed; {@code ordered}: the timeout expires only at particular
     * points (ordered timing: when its timer is the earliest armed; timed mode: once virtual time has
     * reached its deadline), not at any later step.
     */
    Waiting(long timeout, boolean ordered) {
        this.timeout = timeout;
        this.ordered = ordered;
    }

    /** The object whose state decides, or {@link #NONE}. */
    abstract int object();

    /** Whether the operation's own condition holds now. */
    abstract boolean ready(Execution x, TaskState t);

    /** Whether it held where {@link #object()} was as recorded (ENABLED, DISABLED, or UNKNOWN when that is not enough). */
    abstract Enabling readyIn(Object stateBefore, int task);

    /** The object's state, as every operation on it records it. */
    abstract Object snapshot(Execution x);

    /** Performs the operation once its condition holds: records the object in {@code fp}, sets the result. */
    abstract void complete(Execution x, TaskState t, Op op, Footprint.Builder fp);

    /** Whether the operation may change {@link #object()} (its pending footprint then modifies it). */
    boolean changes() {
        return true;
    }

    /** Whether an interrupt can end the wait. */
    boolean interruptible() {
        return true;
    }

    /** Whether a wait whose condition already holds returns normally although interrupted (Thread.join, a tripped barrier). */
    boolean readyBeatsInterrupt() {
        return false;
    }

    /** The effect of an interrupt: by default the flag is cleared and InterruptedException follows. */
    void interrupted(Execution x, TaskState t, Op op, Footprint.Builder fp) {
        observeObject(x, fp);
        clearInterrupt(x, t, fp);
        op.result = Ended.INTERRUPTED;
    }

    /** The effect of the timeout expiring: by default the operation fails (returns false). */
    void timedOut(Execution x, TaskState t, Op op, Footprint.Builder fp) {
        observeObject(x, fp);
        op.result = false;
    }

    final boolean timed() {
        return timeout >= 0;
    }

    void observeObject(Execution x, Footprint.Builder fp) {
        if (object() != NONE) {
            fp.observe(object(), snapshot(x));
        }
    }

    static boolean flag(Execution x, TaskState t) {
        return x.sync().task(t.id).interrupted;
    }

    static void clearInterrupt(Execution x, TaskState t, Footprint.Builder fp) {
        SyncTable.PerTask p = x.sync().task(t.id);
        fp.modify(Footprint.interruptObject(t.id), p.interrupted);
        p.interrupted = false;
    }

    /** Tries the operation at once: true when it ended (completed or interrupted), recording what it touched. */
    final boolean attempt(Execution x, TaskState t, Op op, Footprint.Builder fp) {
        boolean interrupted = interruptible() && flag(x, t);
        if (interruptible()) {
            fp.observe(Footprint.interruptObject(t.id), interrupted);
        }
        sawInterrupt = interrupted;
        boolean ready = ready(x, t);
        if (interrupted && !(ready && readyBeatsInterrupt())) {
            Timeouts.disarm(x, t, fp);
            interrupted(x, t, op, fp);
            return true;
        }
        if (ready) {
            Timeouts.disarm(x, t, fp);
            complete(x, t, op, fp);
            return true;
        }
        return false;
    }

    @Override
    public boolean enabled(Execution x, TaskState t) {
        return ready(x, t) || (interruptible() && flag(x, t)) || (timed() && Timeouts.due(x, t));
    }

    @Override
    public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
        if (!attempt(x, t, op, fp)) {
            Timeouts.expire(x, t, fp);
            timedOut(x, t, op, fp);
        }
        outcome = op.result;
        return null;
    }

    @Override
    public Footprint pendingFootprint(Execution x, TaskState t) {
        sawInterrupt = interruptible() && flag(x, t);
        Footprint.Builder b = new Footprint.Builder();
        if (object() != NONE) {
            if (changes()) {
                b.modify(object());
            } else {
                b.observe(object());
            }
        }
        if (interruptible()) {
            b.modify(Footprint.interruptObject(t.id));
        }
        if (timed()) {
            Timeouts.pendingFootprint(x, t, b);
        }
        return b.build();
    }

    @Override
    public Enabling couldRunWhen(int object, Object stateBefore, int task) {
        boolean timeoutAnyTime = timed() && !ordered;
        if (object == object()) {
            Enabling r = readyIn(stateBefore, task);
            if (r != Enabling.DISABLED || timeoutAnyTime) {
                return timeoutAnyTime ? Enabling.ENABLED : r;
            }
            return sawInterrupt || timed() ? Enabling.UNKNOWN : Enabling.DISABLED;
        }
        if (object == Footprint.interruptObject(task)) {
            return (Boolean) stateBefore || timeoutAnyTime ? Enabling.ENABLED : Enabling.UNKNOWN;
        }
        if (object == Footprint.TIMERS) {
            return Timeouts.dueIn(stateBefore, task) ? Enabling.ENABLED : Enabling.UNKNOWN;
        }
        if (object == Footprint.TIME) {
            // Timed mode: the timeout was due once time had reached the deadline; before, other objects decide.
            return timed() && (Long) stateBefore >= deadline ? Enabling.ENABLED : Enabling.UNKNOWN;
        }
        return Enabling.ENABLED;
    }

    /**
     * The first step of a timed wait: tries the operation (throwing at once when interrupted), and
     * otherwise arms the task's timer and leaves the task waiting; a zero timeout fails at once.
     */
    static final class Begin implements Action {
        private final Waiting wait;

        Begin(Waiting wait) {
            this.wait = wait;
        }

        @Override
        public OpKind kind() {
            return wait.kind();
        }

        @Override
        public Object target() {
            return wait.target();
        }

        @Override
        public Object arg() {
            return wait.timeout;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            // A lock wait names its lock in op.lock only when this step takes it (complete sets it):
            // the analyses read an acquisition step with a lock as a hold.
            op.lock = null;
            if (wait.attempt(x, t, op, fp)) {
                wait.outcome = op.result;
                return null;
            }
            if (wait.timeout == 0) {
                wait.timedOut(x, t, op, fp);
                wait.outcome = op.result;
                return null;
            }
            wait.observeObject(x, fp);
            Timeouts.arm(x, t, wait.timeout, fp);
            wait.deadline = x.clock() + wait.timeout;
            return wait;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            // Arming reads the clock: observing it on top of what the wait may do makes it a change.
            Footprint w = wait.pendingFootprint(x, t);
            Footprint.Builder b = new Footprint.Builder().observe(TimeActions.object(x));
            for (int i = 0; i < w.size(); i++) {
                if (w.mode(i) == Footprint.OBSERVE) {
                    b.observe(w.object(i));
                } else {
                    b.modify(w.object(i));
                }
            }
            return b.build();
        }
    }
}
