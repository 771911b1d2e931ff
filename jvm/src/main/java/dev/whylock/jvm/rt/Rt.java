package dev.whylock.jvm.rt;

import dev.whylock.engine.Field;
import dev.whylock.jvm.instrument.Fields;
import dev.whylock.jvm.instrument.Sites;

/**
 * Entry points for rewritten code: field and array accesses, monitors, static initialisers,
 * atomic calls and notes. Each hook runs before the instruction it guards; in a controlled task it
 * performs the visible operation on the shadow, elsewhere it keeps the shadow in step (or does
 * nothing on a foreign thread) and lets the instruction run.
 */
public final class Rt {
    private Rt() {}

    // ---------------------------------------------------------------- fields

    public static void getField(Object o, int fid, int site) {
        JvmRuntime rt = JvmRuntime.active();
        if (rt == null || o == null) {
            return;
        }
        if (rt.ctl() != null) {
            rt.shadows.field(o, Fields.get(fid)).get(Sites.display(site));
        }
    }

    public static void getStatic(int fid, int site) {
        JvmRuntime rt = JvmRuntime.active();
        if (rt != null && rt.ctl() != null) {
            rt.shadows.statik(Fields.get(fid)).get(Sites.display(site));
        }
    }

    public static void putField(Object o, int v, int fid, int site) {
        write(o, Display.ofInt(v, Fields.get(fid).sort()), fid, site, false);
    }

    public static void putField(Object o, long v, int fid, int site) {
        write(o, v, fid, site, false);
    }

    public static void putField(Object o, float v, int fid, int site) {
        write(o, v, fid, site, false);
    }

    public static void putField(Object o, double v, int fid, int site) {
        write(o, v, fid, site, false);
    }

    public static void putField(Object o, Object v, int fid, int site) {
        write(o, v, fid, site, true);
    }

    public static void putStatic(int v, int fid, int site) {
        write(null, Display.ofInt(v, Fields.get(fid).sort()), fid, site, false);
    }

    public static void putStatic(long v, int fid, int site) {
        write(null, v, fid, site, false);
    }

    public static void putStatic(float v, int fid, int site) {
        write(null, v, fid, site, false);
    }

    public static void putStatic(double v, int fid, int site) {
        write(null, v, fid, site, false);
    }

    public static void putStatic(Object v, int fid, int site) {
        write(null, v, fid, site, true);
    }

    private static void write(Object o, Object v, int fid, int site, boolean reference) {
        JvmRuntime rt = JvmRuntime.active();
        if (rt == null || !rt.onTaskThread()) {
            return;
        }
        Fields.Info f = Fields.get(fid);
        if (!f.isStatic() && o == null) {
            return; // the instruction throws NullPointerException
        }
        Object shown = reference ? Display.of(v) : v;
        if (reference) {
            rt.shadows.home(v, f);
        }
        if (rt.ctl() == null) {
            Field<Object> s = rt.shadows.existing(o, f);
            if (s != null) {
                s.store(shown);
            }
            return;
        }
        Field<Object> s = f.isStatic() ? rt.shadows.statik(f) : rt.shadows.field(o, f);
        s.set(shown, Sites.display(site));
    }

    /** A final field is written: not an operation, but the object it holds is named after it. */
    public static void home(Object v, int fid) {
        JvmRuntime rt = JvmRuntime.active();
        if (rt != null && rt.onTaskThread()) {
            rt.shadows.home(v, Fields.get(fid));
        }
    }

    // ---------------------------------------------------------------- arrays

    public static void arrayLoad(Object array, int index, int site) {
        JvmRuntime rt = JvmRuntime.active();
        if (rt == null || array == null || index < 0 || index >= java.lang.reflect.Array.getLength(array) || rt.ctl() == null) {
            return;
        }
        rt.shadows.element(array, index).get(Sites.display(site));
    }

    public static void arrayStore(Object array, int index, int v, int site) {
        storeElement(array, index, array instanceof boolean[] ? v != 0 : array instanceof char[] ? (char) v : v, site);
    }

    public static void arrayStore(Object array, int index, long v, int site) {
        storeElement(array, index, v, site);
    }

    public static void arrayStore(Object array, int index, float v, int site) {
        storeElement(array, index, v, site);
    }

    public static void arrayStore(Object array, int index, double v, int site) {
        storeElement(array, index, v, site);
    }

    public static void arrayStore(Object array, int index, Object v, int site) {
        storeElement(array, index, Display.of(v), site);
    }

    private static void storeElement(Object array, int index, Object shown, int site) {
        JvmRuntime rt = JvmRuntime.active();
        if (rt == null || array == null || index < 0 || index >= java.lang.reflect.Array.getLength(array) || !rt.onTaskThread()) {
            return;
        }
        if (rt.ctl() == null) {
            Field<Object> s = rt.shadows.existingElement(array, index);
            if (s != null) {
                s.store(shown);
            }
            return;
        }
        rt.shadows.element(array, index).set(shown, Sites.display(site));
    }

    // ---------------------------------------------------------------- monitors and static initialisers

    public static void monitorEnter(Object o, int site) {
        if (o == null) {
            throw new NullPointerException("cannot enter synchronized block: the lock is null");
        }
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = rt == null ? null : rt.ctl();
        if (me != null) {
            rt.prims.lock(me, o, Sites.display(site));
        }
    }

    public static void monitorExit(Object o, int site) {
        if (o == null) {
            throw new NullPointerException();
        }
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = rt == null ? null : rt.ctl();
        if (me != null && rt.holding(me, o)) {
            rt.prims.unlock(me, o, Sites.display(site));
        }
    }

    // ---------------------------------------------------------------- static state per execution

    /**
     * The execution in progress, as rewritten classes see it: a class whose {@code whylock$epoch}
     * differs has not been initialised in this execution yet ({@code instrument.StaticReset}).
     * Never 0, the value of a class that was never initialised. Written between executions only.
     */
    public static int epoch = 1;

    /** Starts a new epoch: every re-initialisable class's statics start over at their next use. */
    public static void nextEpoch() {
        epoch = epoch == Integer.MAX_VALUE ? 1 : epoch + 1;
    }

    /** What using a class whose initialisation failed earlier in the execution throws, as the JVM would. */
    public static Error noClassDef(Class<?> c) {
        return new NoClassDefFoundError("Could not initialize class " + c.getName());
    }

    /** What a failed static initialiser throws, as the JVM would: errors as they are, anything else wrapped. */
    public static Throwable initFailed(Throwable t) {
        return t instanceof Error ? t : new ExceptionInInitializerError(t);
    }

    public static void clinitEnter() {
        JvmRuntime rt = JvmRuntime.active();
        if (rt != null && rt.onTaskThread()) {
            rt.clinit(1);
        }
    }

    public static void clinitExit() {
        JvmRuntime rt = JvmRuntime.active();
        if (rt != null && rt.onTaskThread()) {
            rt.clinit(-1);
        }
    }

    // ---------------------------------------------------------------- atomic calls and notes

    public static Object call(Object receiver, Object[] args, int callId) {
        return AtomicCalls.call(receiver, args, callId);
    }

    /** A call on a JDK collection, map, entry, iterator or view: an access to the collection ({@link CollectionCalls}). */
    public static Object collection(Object receiver, Object[] args, int callId) {
        return CollectionCalls.call(receiver, args, callId);
    }

    /** A JDK call that reads or writes elements of arrays ({@link ArrayCalls}); {@code receiver} is null for static ones. */
    public static Object arrays(Object receiver, Object[] args, int callId) {
        return ArrayCalls.call(receiver, args, callId);
    }

    /** A call whose effect whylock does not control (I/O): noted, then it runs. */
    public static void uncontrolled(String what, int site) {
        JvmRuntime rt = JvmRuntime.active();
        if (rt != null && rt.onTaskThread()) {
            rt.notes.notControlled(what + " at " + Sites.display(site));
        }
    }

    /** A call that changes JDK-wide state, which the next execution's fresh class loader does not reset. */
    public static void globalState(String what, int site) {
        JvmRuntime rt = JvmRuntime.active();
        if (rt != null && rt.onTaskThread()) {
            rt.notes.notReset(what + " at " + Sites.display(site));
        }
    }

    /** A call into a JDK class whylock does not model: the task stops here (its blocking could block every task). */
    public static void refuse(String what, int site) {
        JvmRuntime rt = JvmRuntime.active();
        if (rt != null && rt.onTaskThread()) {
            NotControlled.stop(rt, what + " at " + Sites.display(site));
        }
    }
}
