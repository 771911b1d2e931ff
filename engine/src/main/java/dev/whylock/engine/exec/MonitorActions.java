package dev.whylock.engine.exec;

import dev.whylock.engine.Mutex;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reentrant locks (Java monitors, ReentrantLock): lock, tryLock, timed tryLock, unlock, isLocked.
 * A monitor's state is its holder with a hold count, and the waiters of its conditions that were
 * woken (signalled or interrupted) and now wait to take it back ({@link ConditionActions}).
 *
 * <p>Taking a free monitor and the last release change it; taking it again or releasing an inner
 * hold only observe it (only the holder can do either, and nobody else can tell the count).
 * A blocked lock can move before an earlier operation on the monitor only if the monitor was free
 * or already the task's there. Hold counts live here; each hold is also a {@link Held} of the task,
 * so a killed task keeps its holds and lock experiments apply per acquisition site.
 */
final class MonitorActions {
    private MonitorActions() {}

    /** How a waiter was woken. */
    enum Wake {
        SIGNALLED, INTERRUPTED
    }

    /** One monitor's state. */
    static final class State {
        int holder = -1;
        int count;
        String site;
        /** Waiters woken from a wait set, waiting to take the monitor back. */
        final Map<Integer, Wake> woken = new LinkedHashMap<>();

        Snapshot snapshot() {
            return new Snapshot(holder, Set.copyOf(woken.keySet()));
        }

        boolean freeFor(int task) {
            return holder < 0 || holder == task;
        }
    }

    /** What every operation on a monitor records as its state before: the holder and the woken waiters. */
    record Snapshot(int holder, Set<Integer> woken) {
        boolean freeFor(int task) {
            return holder < 0 || holder == task;
        }
    }

    static State state(Execution x, Mutex m) {
        return x.sync().get(m.id());
    }

    /** Takes {@code actual} for an acquisition of {@code orig} (free, or held by the task: one more hold). */
    static void take(Execution x, TaskState t, Op op, Mutex orig, Mutex actual, Footprint.Builder fp) {
        State st = state(x, actual);
        if (st.holder == t.id) {
            fp.observe(actual.id(), st.snapshot());
            st.count++;
            op.lock = null;
            op.note = op.note == null ? "reentrant" : op.note;
        } else {
            fp.modify(actual.id(), st.snapshot());
            st.holder = t.id;
            st.count = 1;
            st.site = op.site;
            op.lock = actual;
        }
        t.held.add(new Held(orig, actual, op.site));
        op.result = true;
    }

    static String heldBy(Execution x, Mutex actual) {
        State st = state(x, actual);
        return st.holder < 0 ? "free" : "held by " + x.task(st.holder).name + " (taken in " + st.site + ")";
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
            return tryOnly || actual == null || state(x, actual).freeFor(t.id);
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            if (actual == null) {
                t.held.add(new Held(orig, null, op.site));
                op.result = true;
                return null;
            }
            State st = state(x, actual);
            if (st.freeFor(t.id)) {
                take(x, t, op, orig, actual, fp);
            } else {
                fp.observe(actual.id(), st.snapshot());
                op.result = false;
                op.lock = null;
            }
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return actual == null ? Footprint.EMPTY : new Footprint.Builder().modify(actual.id()).build();
        }

        @Override
        public Enabling couldRunWhen(int object, Object stateBefore, int task) {
            if (tryOnly || actual == null || object != actual.id()) {
                return Enabling.ENABLED;
            }
            return Enabling.of(((Snapshot) stateBefore).freeFor(task));
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "waits for " + actual.lockClass() + " in " + op.site + ", " + heldBy(x, actual);
        }

        @Override
        public boolean waitsOnKilled(Execution x) {
            return actual != null && state(x, actual).holder >= 0 && x.task(state(x, actual).holder).killed;
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
            return state(x, actual).freeFor(t.id);
        }

        @Override
        Enabling readyIn(Object stateBefore, int task) {
            return Enabling.of(((Snapshot) stateBefore).freeFor(task));
        }

        @Override
        Object snapshot(Execution x) {
            return state(x, actual).snapshot();
        }

        @Override
        void complete(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            take(x, t, op, orig, actual, fp);
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "waits (with a timeout) for " + actual.lockClass() + " in " + op.site + ", " + heldBy(x, actual);
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
                State st = state(x, actual);
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
            return held.actual() == null ? Footprint.EMPTY : new Footprint.Builder().modify(held.actual().id()).build();
        }
    }

    /** isLocked: whether any task holds the monitor. */
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
            State st = state(x, m);
            fp.observe(m.id(), st.snapshot());
            op.result = st.holder >= 0;
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().observe(m.id()).build();
        }
    }
}
