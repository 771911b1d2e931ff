package dev.whylock.engine.exec;

import dev.whylock.engine.Field;
import dev.whylock.engine.Obj;
import dev.whylock.engine.ViolationKind;
import java.util.function.UnaryOperator;

/**
 * Tracked fields: read, write and atomic read-modify-write. A field access also observes its
 * owner's liveness, so it is ordered against the kfree of the owner; touching a field of a freed
 * object is a use-after-free that kills the task.
 */
final class FieldActions {
    private FieldActions() {}

    /** A read of {@code f}; {@code ordered}: with acquire ordering whatever the field's kind ({@link Field#getOrdered}). */
    record Read(Field<?> f, boolean ordered) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.READ;
        }

        @Override
        public Object target() {
            return f;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.observe(f.id());
            if (freedOwner(x, f, t, op, fp, "read of ")) {
                return KILL;
            }
            op.result = f.value();
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return footprint(f, false);
        }
    }

    /** A plain store of {@code value} into {@code f}. */
    record Write(Field<Object> f, Object value) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.WRITE;
        }

        @Override
        public Object target() {
            return f;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.modify(f.id());
            op.written = value;
            if (freedOwner(x, f, t, op, fp, "write to ")) {
                return KILL;
            }
            f.store(value);
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return footprint(f, true);
        }
    }

    /** An atomic read-modify-write: stores {@code fn(old)} and returns the old value; {@code ordered} as for {@link Read}. */
    record Update(Field<Object> f, UnaryOperator<Object> fn, boolean ordered) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.WRITE;
        }

        @Override
        public Object target() {
            return f;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.modify(f.id());
            if (freedOwner(x, f, t, op, fp, "write to ")) {
                return KILL;
            }
            Object old = f.value();
            op.result = old;
            op.written = fn.apply(old);
            f.store(op.written);
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return footprint(f, true);
        }
    }

    private static Footprint footprint(Field<?> f, boolean write) {
        Footprint.Builder b = new Footprint.Builder();
        if (write) {
            b.modify(f.id());
        } else {
            b.observe(f.id());
        }
        if (f.owner() != null) {
            b.observe(f.owner().objId());
        }
        return b.build();
    }

    /** Records the owner's liveness; when the owner is freed, records the use-after-free and returns true. */
    private static boolean freedOwner(Execution x, Field<?> f, TaskState t, Op op, Footprint.Builder fp, String what) {
        Obj o = f.owner();
        if (o == null) {
            return false;
        }
        fp.observe(o.objId());
        if (!o.freed()) {
            return false;
        }
        x.record(ViolationKind.USE_AFTER_FREE, what + f.name() + " in " + op.site + " after " + o.type()
                + " was freed in " + o.freedAt(), t.id);
        return true;
    }
}
