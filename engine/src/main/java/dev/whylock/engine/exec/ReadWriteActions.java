package dev.whylock.engine.exec;

import dev.whylock.engine.Mutex;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * ReentrantReadWriteLock: read and write lock, tryLock and unlock (isWriteLocked is
 * {@link MonitorActions.IsLocked}). The state is the
 * writer (with its hold count) and the readers (with theirs). Taking the write lock while it is
 * free and its last release change the state; read-side operations (taking and releasing a read
 * hold) commute with each other, so they are recorded as observations, while everything that
 * looks at the readers (a write acquisition, a failed write tryLock) changes it and is ordered
 * against them. The writer may take read holds (downgrading); a reader asking for the write lock
 * waits forever (no upgrade). A read acquisition needs no writer but the task, a write acquisition
 * also no reader: both judged on the recorded state alone.
 */
final class ReadWriteActions {
    private ReadWriteActions() {}

    /** One read-write lock's state. */
    static final class State implements MonitorActions.Lockable {
        int writer = -1;
        int writes;
        String site;
        final Map<Integer, Integer> readers = new HashMap<>();

        @Override
        public Snapshot snapshot() {
            return new Snapshot(writer, Set.copyOf(readers.keySet()));
        }

        @Override
        public boolean locked() {
            return writer >= 0;
        }
    }

    /** What every operation on the lock records as its state before. */
    record Snapshot(int writer, Set<Integer> readers) {
        boolean readableBy(int task) {
            return writer < 0 || writer == task;
        }

        boolean writableBy(int task) {
            return writer == task || (writer < 0 && readers.isEmpty());
        }
    }

    static State state(Execution x, Mutex m) {
        return x.sync().get(m.id());
    }

    static boolean canTake(State st, int task, boolean write) {
        return write ? st.snapshot().writableBy(task) : st.writer < 0 || st.writer == task;
    }

    /** lock / tryLock of the read ({@code write} false) or write lock of {@code orig}, taking {@code actual} (null: removed). */
    record Acquire(Mutex orig, Mutex actual, boolean write, boolean tryOnly) implements Action {
        @Override
        public OpKind kind() {
            return write ? (tryOnly ? OpKind.TRYLOCK : OpKind.ACQUIRE) : OpKind.READ_LOCK;
        }

        @Override
        public Object target() {
            return orig;
        }

        @Override
        public Object arg() {
            return !write && tryOnly ? "try" : null;
        }

        @Override
        public boolean enabled(Execution x, TaskState t) {
            return tryOnly || actual == null || canTake(state(x, actual), t.id, write);
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            if (actual == null) {
                t.held.add(new Held(orig, null, op.site));
                op.result = true;
                return null;
            }
            State st = state(x, actual);
            if (!canTake(st, t.id, write)) {
                // A failed write tryLock looks at the readers, which read-side operations change.
                if (write) {
                    fp.modify(actual.id(), st.snapshot());
                } else {
                    fp.observe(actual.id(), st.snapshot());
                }
                op.result = false;
                op.lock = null;
                return null;
            }
            take(x, t, op, orig, actual, write, fp);
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
            Snapshot s = (Snapshot) stateBefore;
            return Enabling.of(write ? s.writableBy(task) : s.readableBy(task));
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            State st = state(x, actual);
            String holders = st.writer >= 0 ? "write-held by " + x.task(st.writer).name + " (taken in " + st.site + ")"
                    : "read-held by " + st.readers.keySet().stream().sorted().map(r -> x.task(r).name).toList();
            String upgrade = write && st.readers.containsKey(x.task(op.task).id) ? " (it holds a read lock: no upgrade)" : "";
            return "waits for the " + (write ? "write" : "read") + " lock of " + actual.lockClass() + " in " + op.site
                    + ", " + holders + upgrade;
        }

        @Override
        public boolean waitsOnKilled(Execution x) {
            if (actual == null) {
                return false;
            }
            State st = state(x, actual);
            if (st.writer >= 0 && x.task(st.writer).killed) {
                return true;
            }
            return write && st.readers.keySet().stream().anyMatch(r -> x.task(r).killed);
        }
    }

    /** Takes a read or write hold of {@code actual} for {@code orig}, which {@link #canTake} allows. */
    static void take(Execution x, TaskState t, Op op, Mutex orig, Mutex actual, boolean write, Footprint.Builder fp) {
        State st = state(x, actual);
        if (write && st.writer < 0) {
            fp.modify(actual.id(), st.snapshot());
            st.writer = t.id;
            st.site = op.site;
        } else {
            fp.observe(actual.id(), st.snapshot());
        }
        if (write) {
            st.writes++;
        } else {
            st.readers.merge(t.id, 1, Integer::sum);
        }
        t.held.add(new Held(orig, actual, op.site));
        op.lock = actual;
        op.result = true;
    }

    /**
     * lockInterruptibly ({@code timeout} negative) or tryLock(timeout) of the read or write lock:
     * waits until the lock can be taken, the timeout expires, or the task is interrupted.
     */
    static final class TimedAcquire extends Waiting {
        private final Mutex orig;
        private final Mutex actual;
        private final boolean write;

        TimedAcquire(Mutex orig, Mutex actual, boolean write, long timeout, boolean ordered) {
            super(timeout, ordered);
            this.orig = orig;
            this.actual = actual;
            this.write = write;
        }

        @Override
        public OpKind kind() {
            return write ? (timed() ? OpKind.TRYLOCK : OpKind.ACQUIRE) : OpKind.READ_LOCK;
        }

        @Override
        public Object target() {
            return orig;
        }

        @Override
        public Object arg() {
            return write ? null : timed() ? "try" : "interruptibly";
        }

        @Override
        int object() {
            return actual.id();
        }

        @Override
        boolean ready(Execution x, TaskState t) {
            return canTake(state(x, actual), t.id, write);
        }

        @Override
        Enabling readyIn(Object stateBefore, int task) {
            Snapshot s = (Snapshot) stateBefore;
            return Enabling.of(write ? s.writableBy(task) : s.readableBy(task));
        }

        @Override
        Object snapshot(Execution x) {
            return state(x, actual).snapshot();
        }

        @Override
        void complete(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            take(x, t, op, orig, actual, write, fp);
        }

        /** A write acquisition that cannot proceed looks at the readers, which read-side operations change. */
        @Override
        void observeObject(Execution x, Footprint.Builder fp) {
            if (write) {
                fp.modify(actual.id(), snapshot(x));
            } else {
                super.observeObject(x, fp);
            }
        }

        @Override
        void timedOut(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            observeObject(x, fp);
            op.result = false;
            op.lock = null;
        }

        @Override
        void interrupted(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            super.interrupted(x, t, op, fp);
            op.lock = null;
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "waits" + (timed() ? " (with a timeout)" : "") + " for the " + (write ? "write" : "read") + " lock of "
                    + actual.lockClass() + " in " + op.site;
        }
    }

    /** unlock of a read ({@code write} false) or write hold {@code held}. */
    record Release(Held held, boolean write) implements Action {
        @Override
        public OpKind kind() {
            return write ? OpKind.RELEASE : OpKind.READ_UNLOCK;
        }

        @Override
        public Object target() {
            return held.orig();
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            t.held.remove(held);
            Mutex actual = held.actual();
            if (actual == null) {
                return null;
            }
            State st = state(x, actual);
            if (write && st.writes == 1) {
                fp.modify(actual.id(), st.snapshot());
                st.writer = -1;
                st.writes = 0;
            } else {
                fp.observe(actual.id(), st.snapshot());
                if (write) {
                    st.writes--;
                } else if (st.readers.merge(t.id, -1, Integer::sum) == 0) {
                    st.readers.remove(t.id);
                }
            }
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return MonitorState.changing(held.actual());
        }
    }
}
