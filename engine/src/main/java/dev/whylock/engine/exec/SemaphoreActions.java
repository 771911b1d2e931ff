package dev.whylock.engine.exec;

import dev.whylock.engine.Semaphore;

/**
 * Counting semaphores: acquire (blocking, interruptible, optionally timed), tryAcquire, release and
 * availablePermits. The state is the number of permits; every operation but the query changes it,
 * so acquisitions and releases are all ordered (releases would commute, but are kept ordered for
 * simplicity, as completions are). A blocked acquisition can move before an earlier operation on
 * the semaphore only if enough permits were available there (or an interrupt or timeout could end it).
 */
final class SemaphoreActions {
    private SemaphoreActions() {}

    /** One semaphore's permits. */
    static final class State {
        int permits;

        State(int permits) {
            this.permits = permits;
        }

        /** Takes {@code n} permits for {@code op} (there are enough). */
        void take(Semaphore s, int n, Op op, Footprint.Builder fp) {
            fp.modify(s.id(), permits);
            permits -= n;
            op.result = true;
        }
    }

    static State state(Execution x, Semaphore s) {
        return x.sync().get(s.id());
    }

    /** acquire(n) / tryAcquire(n, timeout). */
    static final class Acquire extends Waiting {
        private final Semaphore s;
        private final int n;

        Acquire(Semaphore s, int n, long timeout, boolean ordered) {
            super(timeout, ordered);
            this.s = s;
            this.n = n;
        }

        @Override
        public OpKind kind() {
            return OpKind.SEM_ACQUIRE;
        }

        @Override
        public Object target() {
            return s;
        }

        @Override
        int object() {
            return s.id();
        }

        @Override
        boolean ready(Execution x, TaskState t) {
            return state(x, s).permits >= n;
        }

        @Override
        Enabling readyIn(Object stateBefore, int task) {
            return Enabling.of((Integer) stateBefore >= n);
        }

        @Override
        Object snapshot(Execution x) {
            return state(x, s).permits;
        }

        @Override
        void complete(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            state(x, s).take(s, n, op, fp);
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "waits in " + op.site + " for " + n + " permit" + (n == 1 ? "" : "s") + " of semaphore " + s
                    + " (" + state(x, s).permits + " available)";
        }
    }

    /** tryAcquire(n) without a timeout: takes the permits if available, never waits. */
    record TryAcquire(Semaphore s, int n) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.SEM_ACQUIRE;
        }

        @Override
        public Object target() {
            return s;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            State st = state(x, s);
            if (st.permits >= n) {
                st.take(s, n, op, fp);
            } else {
                fp.observe(s.id(), st.permits);
                op.result = false;
            }
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().modify(s.id()).build();
        }
    }

    /** release(n). */
    record Release(Semaphore s, int n) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.SEM_RELEASE;
        }

        @Override
        public Object target() {
            return s;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            State st = state(x, s);
            fp.modify(s.id(), st.permits);
            st.permits += n;
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().modify(s.id()).build();
        }
    }

    /** availablePermits. */
    record Available(Semaphore s) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.SYNC_QUERY;
        }

        @Override
        public Object target() {
            return s;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            int permits = state(x, s).permits;
            fp.observe(s.id(), permits);
            op.result = permits;
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().observe(s.id()).build();
        }
    }
}
