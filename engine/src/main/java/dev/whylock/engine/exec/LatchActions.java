package dev.whylock.engine.exec;

import dev.whylock.engine.Latch;

/**
 * CountDownLatch: countDown, await (interruptible, optionally timed) and getCount. The state is the
 * count. A countDown that finds it above zero changes it; one that finds it at zero, an await and
 * getCount only observe it, so waits are independent of each other and of late count-downs. An
 * await can move before an earlier count-down only if the count was already zero there.
 */
final class LatchActions {
    private LatchActions() {}

    /** One latch's count. */
    static final class State {
        long count;

        State(long count) {
            this.count = count;
        }
    }

    static State state(Execution x, Latch l) {
        return x.sync().get(l.id());
    }

    /** countDown. */
    record CountDown(Latch l) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.COUNT_DOWN;
        }

        @Override
        public Object target() {
            return l;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            State st = state(x, l);
            if (st.count > 0) {
                fp.modify(l.id(), st.count);
                st.count--;
            } else {
                fp.observe(l.id(), st.count);
            }
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().modify(l.id()).build();
        }
    }

    /** await / await(timeout): waits until the count is zero. */
    static final class Await extends Waiting {
        private final Latch l;

        Await(Latch l, long timeout, boolean ordered) {
            super(timeout, ordered);
            this.l = l;
        }

        @Override
        public OpKind kind() {
            return OpKind.LATCH_AWAIT;
        }

        @Override
        public Object target() {
            return l;
        }

        @Override
        int object() {
            return l.id();
        }

        @Override
        boolean changes() {
            return false;
        }

        @Override
        boolean ready(Execution x, TaskState t) {
            return state(x, l).count == 0;
        }

        @Override
        Enabling readyIn(Object stateBefore, int task) {
            return Enabling.of((Long) stateBefore == 0);
        }

        @Override
        Object snapshot(Execution x) {
            return state(x, l).count;
        }

        @Override
        void complete(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.observe(l.id(), state(x, l).count);
            op.result = true;
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "waits in " + op.site + " for latch " + l + " (count " + state(x, l).count + ")";
        }
    }

    /** getCount. */
    record Count(Latch l) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.SYNC_QUERY;
        }

        @Override
        public Object target() {
            return l;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            long count = state(x, l).count;
            fp.observe(l.id(), count);
            op.result = count;
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().observe(l.id()).build();
        }
    }
}
