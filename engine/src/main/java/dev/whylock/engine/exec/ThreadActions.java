package dev.whylock.engine.exec;

import dev.whylock.engine.Task;

/**
 * What Java threads do to each other besides locking: LockSupport park/unpark (a permit per task,
 * {@link Footprint#permitObject}), interrupt / interrupted / isInterrupted (a flag per task,
 * {@link Footprint#interruptObject}), sleep, and join with interruption and a timeout.
 *
 * <p>An interrupt sets the flag and, as HotSpot does, the task's park permit; a task in a wait set
 * leaves it, woken ({@link ConditionActions#interruptWaiter}). Every other interruptible wait sees
 * the flag itself ({@link Waiting}). Only the task clears its own flag (Thread.interrupted, or by
 * throwing InterruptedException).
 */
final class ThreadActions {
    private ThreadActions() {}

    /** park / parkNanos: returns with the permit (consuming it), when interrupted (keeping the flag), or on its timeout. */
    static final class Park extends Waiting {
        private final int owner;

        Park(int owner, long timeout, boolean ordered) {
            super(timeout, ordered);
            this.owner = owner;
        }

        @Override
        public OpKind kind() {
            return OpKind.PARK;
        }

        @Override
        int object() {
            return Footprint.permitObject(owner);
        }

        @Override
        boolean ready(Execution x, TaskState t) {
            return x.sync().task(owner).permit;
        }

        @Override
        Enabling readyIn(Object stateBefore, int task) {
            return Enabling.of((Boolean) stateBefore);
        }

        @Override
        Object snapshot(Execution x) {
            return x.sync().task(owner).permit;
        }

        @Override
        void complete(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.modify(object(), true);
            x.sync().task(owner).permit = false;
            op.result = true;
        }

        @Override
        void interrupted(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            observeObject(x, fp);
            op.result = Ended.INTERRUPTED;
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "is parked in " + op.site + " and nobody unparks it";
        }
    }

    /** sleep: ends when its timeout expires, or throws when interrupted. */
    static final class Sleep extends Waiting {
        Sleep(long timeout, boolean ordered) {
            super(timeout, ordered);
        }

        @Override
        public OpKind kind() {
            return OpKind.SLEEP;
        }

        @Override
        int object() {
            return NONE;
        }

        @Override
        boolean ready(Execution x, TaskState t) {
            return false;
        }

        @Override
        Enabling readyIn(Object stateBefore, int task) {
            return Enabling.DISABLED;
        }

        @Override
        Object snapshot(Execution x) {
            return null;
        }

        @Override
        void complete(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            throw new IllegalStateException("a sleep has no condition");
        }

        @Override
        void timedOut(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            op.result = null;
        }
    }

    /** Thread.join / join(ms): waits until {@code joined} has finished; an interrupt or the timeout ends it. */
    static final class Join extends Waiting {
        private final TaskState joined;
        private final Task handle;

        Join(TaskState joined, Task handle, long timeout, boolean ordered) {
            super(timeout, ordered);
            this.joined = joined;
            this.handle = handle;
        }

        @Override
        public OpKind kind() {
            return OpKind.JOIN;
        }

        @Override
        public Object target() {
            return handle;
        }

        @Override
        int object() {
            return Footprint.taskObject(joined.id);
        }

        @Override
        boolean changes() {
            return false;
        }

        @Override
        boolean ready(Execution x, TaskState t) {
            return joined.done;
        }

        @Override
        Enabling readyIn(Object stateBefore, int task) {
            return Enabling.of((Boolean) stateBefore);
        }

        @Override
        Object snapshot(Execution x) {
            return joined.done;
        }

        @Override
        boolean readyBeatsInterrupt() {
            return true;
        }

        @Override
        void complete(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.observe(object(), true);
            op.result = true;
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "waits for task " + joined.name + " to finish";
        }
    }

    /** unpark: makes the task's permit available. */
    record Unpark(TaskState who, Task handle) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.UNPARK;
        }

        @Override
        public Object target() {
            return handle;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            SyncTable.PerTask p = x.sync().task(who.id);
            fp.modify(Footprint.permitObject(who.id), p.permit);
            p.permit = true;
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().modify(Footprint.permitObject(who.id)).build();
        }
    }

    /** interrupt: sets the flag and the permit; a task in a wait set leaves it, woken. */
    record Interrupt(TaskState who, Task handle) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.INTERRUPT;
        }

        @Override
        public Object target() {
            return handle;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            SyncTable.PerTask p = x.sync().task(who.id);
            fp.modify(Footprint.interruptObject(who.id), p.interrupted);
            p.interrupted = true;
            fp.modify(Footprint.permitObject(who.id), p.permit);
            p.permit = true;
            ConditionActions.interruptWaiter(x, who.id, fp);
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            Footprint.Builder b = new Footprint.Builder().modify(Footprint.interruptObject(who.id))
                    .modify(Footprint.permitObject(who.id));
            ConditionActions.State cs = x.sync().task(who.id).waitingOn;
            if (cs != null) {
                b.modify(cs.condition.id()).modify(cs.condition.monitor().mutex().id());
            }
            return b.build();
        }
    }

    /** Thread.interrupted ({@code clear}) or isInterrupted of {@code target}. */
    record IsInterrupted(TaskState who, Task handle, boolean clear) implements Action {
        @Override
        public OpKind kind() {
            return clear ? OpKind.INTERRUPTED : OpKind.SYNC_QUERY;
        }

        @Override
        public Object target() {
            return handle;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            SyncTable.PerTask p = x.sync().task(who.id);
            op.result = p.interrupted;
            if (clear && p.interrupted) {
                fp.modify(Footprint.interruptObject(who.id), true);
                p.interrupted = false;
            } else {
                fp.observe(Footprint.interruptObject(who.id), p.interrupted);
            }
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            Footprint.Builder b = new Footprint.Builder();
            return (clear ? b.modify(Footprint.interruptObject(who.id)) : b.observe(Footprint.interruptObject(who.id))).build();
        }
    }
}
