package dev.whylock.engine.search;

import dev.whylock.engine.Field;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.Obj;
import dev.whylock.engine.analysis.HeldLocks;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.Trace;
import java.util.ArrayList;
import java.util.List;

/** Turns an execution's operation log into the report-level {@link Trace}. */
public final class TraceBuilder {

    private TraceBuilder() {}

    /** The first {@code steps} operations of {@code outcome} as a trace. */
    public static Trace build(ExecutionOutcome outcome, int steps) {
        List<Step> out = new ArrayList<>(steps);
        List<String> names = outcome.taskNames();
        int preemptions = 0;
        HeldLocks held = new HeldLocks();
        for (int i = 0; i < steps && i < outcome.log().size(); i++) {
            Op op = outcome.log().get(i);
            if (op.preemption()) {
                preemptions++;
            }
            out.add(new Step(i, names.get(op.task()), op.kind().label(), object(op, names), op.site(), value(op), op.note(), op.preemption(),
                    outcome.timed() ? op.time() : null, held.classes(op.task())));
            held.apply(op);
        }
        return new Trace(out, preemptions, names);
    }

    private static String object(Op op, List<String> names) {
        Object t = op.target();
        return switch (op.kind()) {
            case JOIN -> ((dev.whylock.engine.Task) t).name();
            case CHOOSE -> null;
            default -> t instanceof Mutex m ? m.lockClass()
                    : t instanceof Field<?> f ? f.name()
                    : t instanceof Obj o ? o.type()
                    : t == null ? null : t.toString();
        };
    }

    private static String value(Op op) {
        return switch (op.kind()) {
            case READ, TRYLOCK, LOCK_CHECK, WORK_QUEUE, WORK_MODIFY, WORK_CANCEL, WORK_PENDING, CHOOSE, NOW, TICK -> show(op.result());
            case WAIT, WAKE, NOTIFY, NOTIFY_ALL, SEM_ACQUIRE, LATCH_AWAIT, BARRIER_AWAIT, PARK, INTERRUPTED, SYNC_QUERY, SLEEP,
                 READ_LOCK -> op.result() == null ? null : show(op.result());
            case WRITE -> show(op.arg());
            case MSLEEP -> op.arg() + "ms";
            default -> null;
        };
    }

    /** Kernel-flavoured rendering of a value: NULL for null, the struct type for tracked objects. */
    public static String show(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Obj o) {
            return "&" + o.type() + "#" + o.objId();
        }
        if (v instanceof long[] a) {
            return java.util.Arrays.toString(a);
        }
        if (v instanceof int[] a) {
            return java.util.Arrays.toString(a);
        }
        if (v instanceof Object[] a) {
            return java.util.Arrays.stream(a).map(TraceBuilder::show).toList().toString();
        }
        if (overridesToString(v.getClass())) {
            return String.valueOf(v);
        }
        // Identity strings (Foo$1@5f9edf14) differ between runs; name the type instead.
        return "&" + typeName(v.getClass());
    }

    private static boolean overridesToString(Class<?> c) {
        return OVERRIDES_TO_STRING.get(c);
    }

    /** Per class, once: a reflective lookup per traced value was a visible share of a why report's time. */
    private static final ClassValue<Boolean> OVERRIDES_TO_STRING = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            try {
                return c.getMethod("toString").getDeclaringClass() != Object.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    /** A stable name for a class: its simple name, or for anonymous, lambda and hidden classes the interface it implements. */
    static String typeName(Class<?> c) {
        if (!c.isAnonymousClass() && !c.isSynthetic() && !c.isHidden() && !c.getSimpleName().isEmpty()) {
            return c.getSimpleName();
        }
        if (c.getInterfaces().length > 0) {
            return c.getInterfaces()[0].getSimpleName();
        }
        return c.getSuperclass() == null ? "object" : typeName(c.getSuperclass());
    }
}
