package dev.whylock.engine.exec;

import dev.whylock.engine.Mutex;

/**
 * Reentrant locks (Java monitors, ReentrantLock): lock, tryLock, timed tryLock, unlock, isLocked;
 * their state is a {@link MonitorState}. Taking a free monitor and the last release change it;
 * taking it again or releasing an inner hold only observe it (only the holder can do either, and
 * nobody else can tell the count). A blocked lock can move before an earlier operation on the
 * monitor only if the monitor was free or already the task's there.
 */
final class MonitorActions {
    private MonitorActions() {}

    /** The state of a lock that {@link IsLocked} asks about. */
    interface Lockable {
        /** What operations on the lock record as its state before. */
        Object snapshot();

        /** Whether some task holds it (for a read-write lock: the write lock). */
        boolean locked();
    }

    /** lock / tryLock of {@code orig}, which under the experiments takes {@code actual} (null: removed). */
    record Acquire(Mutex orig, Mutex actual, boolean tryOnly) implements Action {
        @Override
        public OpKind kind() {
            return tryOnly ? OpKind.TRYLOCK : OpKind.ACQUIRE;
        }

        @Override
        public Object target() {
            return orig;
        }

        @Override
        public boolean enabled(Execution x, TaskState t) {
            return tryOnly || actual == null || MonitorState.of(x, actual).freeFor(t.id);
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            if (actual == null) {
                t.held.add(new Held(orig, null, op.site));
                op.result = true;
                return null;
            }
            MonitorState st = MonitorState.of(x, actual);
            if (st.freeFor(t.id)) {
                MonitorState.take(x, t, op, orig, actual, fp);
            } else {
                fp.observe(actual.id(), st.snapshot());
                op.result = false;
                op.lock = null;
            }
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return MonitorState.changing(actual);
        }

        @Override
        public Enabling couldRunWhen(int object, Object stateBefore, int task) {
            if (tryOnly || actual == null || object != actual.id()) {
                return Enabling.ENABLED;
            }
            return Enabling.of(((MonitorState.Snapshot) stateBefore).freeFor(task));
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "waits for " + actual.lockClass() + " in " + op.site + ", " + MonitorState.heldBy(x, actual);
        }

        @Override
        public boolean waitsOnKilled(Execution x) {
            return actual != null && MonitorState.heldByKilled(x, actual);
        }
    }

    /** tryLock(timeout): waits until the monitor is free, the timeout expires, or the task is interrupted. */
    static final class TimedAcquire extends Waiting {
        private final Mutex orig;
        private final Mutex actual;

        TimedAcquire(Mutex orig, Mutex actual, long timeout, boolean ordered) {
            super(timeout, ordered);
            this.orig = orig;
            this.actual = actual;
        }

        @Override
        public OpKind kind() {
            return OpKind.TRYLOCK;
        }

        @Override
        public Object target() {
            return orig;
        }

        @Override
        int object() {
            return actual.id();
        }

        @Override
        boolean ready(Execution x, TaskState t) {
            return MonitorState.of(x, actual).freeFor(t.id);
        }

        @Override
        Enabling readyIn(Object stateBefore, int task) {
            return Enabling.of(((MonitorState.Snapshot) stateBefore).freeFor(task));
        }

        @Override
        Object snapshot(Execution x) {
            return MonitorState.of(x, actual).snapshot();
        }

        @Override
        void complete(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            MonitorState.take(x, t, op, orig, actual, fp);
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "waits (with a timeout) for " + actual.lockClass() + " in " + op.site + ", " + MonitorState.heldBy(x, actual);
        }
    }

    /** unlock of the hold {@code held}: the monitor is free once its last hold is released. */
    record Release(Held held) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.RELEASE;
        }

        @Override
        public Object target() {
            return held.orig();
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            t.held.remove(held);
            Mutex actual = held.actual();
            if (actual != null) {
                MonitorState st = MonitorState.of(x, actual);
                if (st.count > 1) {
                    fp.observe(actual.id(), st.snapshot());
                    st.count--;
                    op.lock = null;
                    op.note = op.note == null ? "reentrant" : op.note;
                } else {
                    fp.modify(actual.id(), st.snapshot());
                    st.count = 0;
                    st.holder = -1;
                }
            }
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return MonitorState.changing(held.actual());
        }
    }

    /** isLocked: whether any task holds the monitor (for a read-write lock, isWriteLocked). */
    record IsLocked(Mutex m) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.LOCK_CHECK;
        }

        @Override
        public Object target() {
            return m;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            Lockable st = x.sync().get(m.id());
            fp.observe(m.id(), st.snapshot());
            op.result = st.locked();
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().observe(m.id()).build();
        }
    }
}
