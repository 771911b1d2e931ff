package dev.whylock.engine.exec;

import dev.whylock.engine.Barrier;

/**
 * CyclicBarrier (no barrier action): await with generations, the broken state, isBroken and
 * getNumberWaiting. The state is the generation, the number of arrivals in it and whether it is
 * broken. An arrival changes it (the last one trips it: a new generation); an interrupted or timed-out
 * waiter breaks it. A waiter of generation g can return once the generation moved on or g broke, so
 * it can move before an earlier operation on the barrier only if that was already so there.
 */
final class BarrierActions {
    private BarrierActions() {}

    /** One barrier's state. */
    static final class State {
        final int parties;
        int generation;
        int arrived;
        boolean broken;

        State(int parties) {
            this.parties = parties;
        }

        Snapshot snapshot() {
            return new Snapshot(generation, arrived, broken);
        }

        void breakIt() {
            broken = true;
            arrived = 0;
        }
    }

    /** What every operation on a barrier records as its state before. */
    record Snapshot(int generation, int arrived, boolean broken) {}

    static State state(Execution x, Barrier b) {
        return x.sync().get(b.id());
    }

    /** An arrival: trips the barrier if it is the last, else leaves the task waiting in {@link Wait}. */
    static final class Arrive implements Action {
        private final Barrier b;
        private final long timeout;
        private final boolean ordered;
        /** The result for the task: its arrival index, or how the wait ended. */
        Object outcome;

        Arrive(Barrier b, long timeout, boolean ordered) {
            this.b = b;
            this.timeout = timeout;
            this.ordered = ordered;
        }

        @Override
        public OpKind kind() {
            return OpKind.BARRIER_AWAIT;
        }

        @Override
        public Object target() {
            return b;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            boolean interrupted = Waiting.flag(x, t);
            fp.observe(Footprint.interruptObject(t.id), interrupted);
            State st = state(x, b);
            Action next = null;
            if (st.broken) {
                fp.observe(b.id(), st.snapshot());
                op.result = Waiting.Ended.BROKEN;
            } else if (interrupted) {
                fp.modify(b.id(), st.snapshot());
                st.breakIt();
                Waiting.clearInterrupt(x, t, fp);
                op.result = Waiting.Ended.INTERRUPTED;
            } else {
                fp.modify(b.id(), st.snapshot());
                int index = st.parties - 1 - st.arrived;
                st.arrived++;
                if (index == 0) {
                    st.generation++;
                    st.arrived = 0;
                    op.result = 0;
                } else if (timeout == 0) {
                    st.breakIt();
                    op.result = Waiting.Ended.TIMED_OUT;
                } else {
                    if (timeout > 0) {
                        Timeouts.arm(x, t, timeout, fp);
                    }
                    Wait w = new Wait(this, st.generation, index, timeout, ordered);
                    w.deadline = timeout > 0 ? x.clock() + timeout : Long.MAX_VALUE;
                    next = w;
                }
            }
            outcome = op.result;
            return next;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            Footprint.Builder b2 = new Footprint.Builder().modify(b.id()).modify(Footprint.interruptObject(t.id));
            if (timeout > 0) {
                b2.observe(TimeActions.object(x));
                Timeouts.pendingFootprint(x, t, b2);
            }
            return b2.build();
        }
    }

    /** A waiter of generation {@code generation}, arrived with index {@code index}. */
    static final class Wait extends Waiting {
        private final Arrive arrival;
        private final int generation;
        private final int index;

        Wait(Arrive arrival, int generation, int index, long timeout, boolean ordered) {
            super(timeout, ordered);
            this.arrival = arrival;
            this.generation = generation;
            this.index = index;
        }

        @Override
        public OpKind kind() {
            return OpKind.BARRIER_AWAIT;
        }

        @Override
        public Object target() {
            return arrival.b;
        }

        @Override
        int object() {
            return arrival.b.id();
        }

        @Override
        boolean ready(Execution x, TaskState t) {
            State st = state(x, arrival.b);
            return st.generation != generation || st.broken;
        }

        @Override
        Enabling readyIn(Object stateBefore, int task) {
            Snapshot s = (Snapshot) stateBefore;
            return Enabling.of(s.generation() != generation || s.broken());
        }

        @Override
        Object snapshot(Execution x) {
            return state(x, arrival.b).snapshot();
        }

        @Override
        boolean readyBeatsInterrupt() {
            return true;
        }

        @Override
        void complete(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            State st = state(x, arrival.b);
            fp.observe(arrival.b.id(), st.snapshot());
            op.result = st.generation != generation ? (Object) index : Ended.BROKEN;
            arrival.outcome = op.result;
        }

        @Override
        void interrupted(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            breakBy(x, fp);
            clearInterrupt(x, t, fp);
            op.result = Ended.INTERRUPTED;
            arrival.outcome = op.result;
        }

        @Override
        void timedOut(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            breakBy(x, fp);
            op.result = Ended.TIMED_OUT;
            arrival.outcome = op.result;
        }

        private void breakBy(Execution x, Footprint.Builder fp) {
            State st = state(x, arrival.b);
            fp.modify(arrival.b.id(), st.snapshot());
            st.breakIt();
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            State st = state(x, arrival.b);
            return "waits at barrier " + arrival.b + " in " + op.site + " (" + st.arrived + " of " + st.parties + " arrived)";
        }
    }

    /** isBroken / getNumberWaiting. */
    record Query(Barrier b, boolean broken) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.SYNC_QUERY;
        }

        @Override
        public Object target() {
            return b;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            State st = state(x, b);
            fp.observe(b.id(), st.snapshot());
            op.result = broken ? (Object) st.broken : st.arrived;
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().observe(b.id()).build();
        }
    }
}
