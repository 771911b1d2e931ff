package dev.whylock.engine.exec;

import dev.whylock.engine.Mutex;
import dev.whylock.engine.ViolationKind;

/**
 * Mutexes: lock, trylock, unlock and is-locked. A lock's state is its holder; taking and releasing
 * change it, a failed trylock and {@code mutex_is_locked} only observe it. A blocked lock can run
 * before an earlier operation on the lock only if the lock was free there.
 */
final class LockActions {
    private LockActions() {}

    /** mutex_lock / mutex_trylock of {@code orig}, which under the experiments takes {@code actual} (null: removed). */
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
            if (tryOnly || actual == null) {
                return true;
            }
            int holder = x.locks().holder(actual);
            return holder < 0 || holder == t.id;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            if (actual == null) {
                t.held.add(new Held(orig, null, op.site));
                op.result = true;
                return null;
            }
            LockTable locks = x.locks();
            int holder = locks.holder(actual);
            if (!tryOnly && holder == t.id) {
                fp.observe(actual.id(), holder);
                // Non-recursive mutex: the task would sleep forever waiting for itself.
                x.recordSelfDeadlock(t, "waits for " + describe() + " in " + op.site + ", which it holds itself (taken in "
                        + locks.site(actual) + ")");
                x.record(ViolationKind.DEADLOCK, "self-deadlock: " + t.name + " takes " + describe() + " in " + op.site
                        + " while already holding it (taken in " + locks.site(actual) + ")", t.id);
                return KILL;
            }
            if (holder < 0) {
                fp.modify(actual.id(), holder);
                locks.take(actual, t.id, op.site);
                t.held.add(new Held(orig, actual, op.site));
                op.result = true;
            } else {
                fp.observe(actual.id(), holder);
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
            int holder = (Integer) stateBefore;
            return Enabling.of(holder < 0 || holder == task);
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            LockTable locks = x.locks();
            return "waits for " + actual.lockClass() + " in " + op.site + ", held by " + x.task(locks.holder(actual)).name
                    + " (taken in " + locks.site(actual) + ")";
        }

        private String describe() {
            return actual == orig ? orig.lockClass() : actual.lockClass() + " (replacing " + orig.lockClass() + ")";
        }
    }

    /** mutex_unlock of the acquisition {@code held}. */
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
            if (held.actual() != null) {
                fp.modify(held.actual().id(), x.locks().holder(held.actual()));
                x.locks().release(held.actual());
            }
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return held.actual() == null ? Footprint.EMPTY : new Footprint.Builder().modify(held.actual().id()).build();
        }
    }

    /** mutex_is_locked / ASSERT_RTNL: whether any task holds {@code m}. */
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
            int holder = x.locks().holder(m);
            fp.observe(m.id(), holder);
            op.result = holder >= 0;
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().observe(m.id()).build();
        }
    }
}
