package dev.whylock.engine.exec;

import dev.whylock.engine.Obj;
import dev.whylock.engine.ViolationKind;

/** Tracked objects: kfree changes an object's liveness, a dereference observes it. */
final class ObjActions {
    private ObjActions() {}

    /** kfree of {@code o}; a second kfree is a use-after-free. */
    record Free(Obj o) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.FREE;
        }

        @Override
        public Object target() {
            return o;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.modify(o.objId());
            if (o.freed()) {
                x.record(ViolationKind.USE_AFTER_FREE, "double kfree of " + o.type() + " in " + op.site
                        + " (first freed in " + o.freedAt() + ")", t.id);
                return KILL;
            }
            o.markFreed(op.site);
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().modify(o.objId()).build();
        }
    }

    /** A dereference of a tracked pointer to {@code o} (NULL is caught before it becomes an operation). */
    record Deref(Obj o) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.DEREF;
        }

        @Override
        public Object target() {
            return o;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.observe(o.objId());
            if (o.freed()) {
                x.record(ViolationKind.USE_AFTER_FREE, "use of " + op.site + " (" + o.type() + ") in " + t.name
                        + " after it was freed in " + o.freedAt(), t.id);
                return KILL;
            }
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().observe(o.objId()).build();
        }
    }
}
