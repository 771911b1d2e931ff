package dev.whylock.jvm.rt;

import dev.whylock.engine.Field;
import dev.whylock.jvm.instrument.Calls;
import dev.whylock.jvm.instrument.Fields;
import dev.whylock.jvm.instrument.JavaNames;
import dev.whylock.jvm.instrument.Sites;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.invoke.VarHandle.AccessMode;
import java.lang.invoke.WrongMethodTypeException;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * VarHandles and field updaters on the program's own fields and arrays: every call is one visible
 * operation on the same engine field (the shadow) that the program's plain {@code getfield},
 * {@code putfield} and array accesses of that field use, so a CAS through a handle and a plain
 * read are one memory location to the engine.
 *
 * <p>The access-mode rule: a VarHandle's plain modes ({@code get}, {@code set}) are plain accesses;
 * every other mode (volatile, acquire/release, opaque, and every atomic update) is an ordered
 * access ({@link Field#getOrdered}): it never races with another ordered access and needs no lock,
 * while it races with a plain access that happens-before does not order. A field updater's methods
 * are all ordered (its field must be volatile). Reads are a read operation, after which the real
 * access runs before any other task can; every other mode is one update operation inside which the
 * real access runs (so a CAS's outcome is the one the trace shows). The weak CAS modes run as the
 * strong one: a spurious failure is never explored.
 *
 * <p>A handle is recorded when the program creates it ({@code findVarHandle},
 * {@code findStaticVarHandle}, {@code unreflectVarHandle}, {@code arrayElementVarHandle},
 * {@code withInvoke[Exact]Behavior}; an updater's {@code newUpdater}), since the handle does not
 * reveal its field cheaply. A call on a handle that was not recorded, or that reaches a field of a
 * class whylock does not rewrite (a JDK class), or a byte-array view, stops the task as not
 * controlled.
 */
public final class RtVarHandles {
    private RtVarHandles() {}

    /**
     * What a handle acts on: a field of a rewritten class ({@code field}), the elements of arrays
     * ({@code array}), or nothing whylock controls ({@code refused} says what). {@code holder} is
     * an updater's class (its calls check their object against it).
     */
    private record Target(Fields.Info field, boolean array, String refused, Class<?> holder) {}

    /** Handles and updaters as created; weak (a re-run static initialiser creates new ones), by identity (neither overrides equals). */
    private static final Map<Object, Target> TARGETS = Collections.synchronizedMap(new WeakHashMap<>());

    private static final Set<String> UPDATER_READS = Set.of("get", "getPlain", "getOpaque", "getAcquire");

    private static final Map<Integer, MethodType> CALL_TYPES = new ConcurrentHashMap<>();

    private static final ClassValue<MethodHandle> INITS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> c) {
            try {
                java.lang.reflect.Method m = c.getDeclaredMethod("whylock$init");
                m.setAccessible(true);
                return MethodHandles.lookup().unreflect(m);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    };

    // ---------------------------------------------------------------- creation

    public static VarHandle findVarHandle(MethodHandles.Lookup l, Class<?> recv, String name, Class<?> type, int site)
            throws NoSuchFieldException, IllegalAccessException {
        VarHandle vh = l.findVarHandle(recv, name, type);
        TARGETS.put(vh, field(declaring(recv, name), name, null));
        return vh;
    }

    public static VarHandle findStaticVarHandle(MethodHandles.Lookup l, Class<?> decl, String name, Class<?> type, int site)
            throws NoSuchFieldException, IllegalAccessException {
        VarHandle vh = l.findStaticVarHandle(decl, name, type);
        TARGETS.put(vh, field(declaring(decl, name), name, null));
        return vh;
    }

    public static VarHandle unreflectVarHandle(MethodHandles.Lookup l, java.lang.reflect.Field f, int site) throws IllegalAccessException {
        VarHandle vh = l.unreflectVarHandle(f);
        TARGETS.put(vh, field(f.getDeclaringClass(), f.getName(), null));
        return vh;
    }

    public static VarHandle arrayElementVarHandle(Class<?> arrayClass, int site) {
        VarHandle vh = MethodHandles.arrayElementVarHandle(arrayClass);
        TARGETS.put(vh, new Target(null, true, null, null));
        return vh;
    }

    public static VarHandle withInvokeBehavior(VarHandle vh, int site) {
        return derived(vh, vh.withInvokeBehavior());
    }

    public static VarHandle withInvokeExactBehavior(VarHandle vh, int site) {
        return derived(vh, vh.withInvokeExactBehavior());
    }

    private static VarHandle derived(VarHandle from, VarHandle to) {
        Target t = TARGETS.get(from);
        if (t != null && to != from) {
            TARGETS.put(to, t);
        }
        return to;
    }

    /** After {@code AtomicIntegerFieldUpdater.newUpdater(c, name)} (or the long one) returned {@code u}. */
    public static void updaterCreated(Object u, Class<?> c, String name, int site) {
        Target t = field(c, name, c);
        TARGETS.put(u, t);
    }

    /** After {@code AtomicReferenceFieldUpdater.newUpdater(c, type, name)} returned {@code u}. */
    public static void updaterCreated(Object u, Class<?> c, Class<?> type, String name, int site) {
        updaterCreated(u, c, name, site);
    }

    /** The class declaring field {@code name} as {@code recv} resolves it (itself or a superclass), or {@code recv}. */
    private static Class<?> declaring(Class<?> recv, String name) {
        for (Class<?> c = recv; c != null; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return c;
                }
            }
        }
        return recv;
    }

    private static Target field(Class<?> decl, String name, Class<?> holder) {
        JvmRuntime rt = JvmRuntime.active();
        String what = (holder == null ? "VarHandle on " : "field updater on ") + JavaNames.qualified(decl.getName()) + "." + name;
        if (rt == null || !rt.rewritten(decl)) {
            return new Target(null, false, what + " (a field of a class whylock does not rewrite)", holder);
        }
        try {
            java.lang.reflect.Field f = decl.getDeclaredField(name);
            int m = f.getModifiers();
            Fields.Info info = Fields.get(Fields.id(JavaNames.internal(decl.getName()), name, f.getType().descriptorString(),
                    Modifier.isStatic(m), Modifier.isVolatile(m), Modifier.isFinal(m)));
            return new Target(info, false, null, holder);
        } catch (NoSuchFieldException e) {
            return new Target(null, false, what + " (no such field)", holder);
        }
    }

    // ---------------------------------------------------------------- VarHandle access modes

    /** {@code vh.mode(args)} at a call site whose descriptor is that of call {@code callId}; returns the result boxed (null for void). */
    public static Object invoke(Object handle, Object[] args, int callId) {
        Calls.Call c = Calls.get(callId);
        if (handle == null) {
            throw new NullPointerException("cannot invoke VarHandle." + c.name() + ": the VarHandle is null");
        }
        VarHandle vh = (VarHandle) handle;
        AccessMode mode = AccessMode.valueFromMethodName(c.name());
        MethodType type = CALL_TYPES.computeIfAbsent(callId, k -> erased(c.desc()));
        if (vh.hasInvokeExactBehavior() && !vh.accessModeType(mode).erase().equals(type)) {
            throw new WrongMethodTypeException("expected " + vh.accessModeType(mode) + " but found " + c.desc());
        }
        Target t = TARGETS.get(vh);
        JvmRuntime rt = JvmRuntime.active();
        if (rt == null || !rt.onTaskThread()) {
            if (rt != null) {
                rt.ctl(); // notes code on a thread whylock did not start
            }
            return real(vh, mode, type, args);
        }
        if (t == null || t.refused() != null) {
            NotControlled.stop(rt, (t == null ? vh + " (a view, or not made by findVarHandle, findStaticVarHandle, unreflectVarHandle"
                    + " or arrayElementVarHandle)" : t.refused()) + ": " + c.name() + " at " + Sites.display(c.site()));
        }
        return access(rt, t, c.name(), mode != AccessMode.GET && mode != AccessMode.SET, category(mode), args,
                Sites.display(c.site()), () -> real(vh, strong(mode), type, args), () -> real(vh, AccessMode.GET, null, coordinates(t, args)));
    }

    private enum Category { READ, WRITE }

    private static Category category(AccessMode m) {
        return switch (m) {
            case GET, GET_VOLATILE, GET_ACQUIRE, GET_OPAQUE -> Category.READ;
            default -> Category.WRITE;
        };
    }

    /** The weak CAS modes run as the strong CAS of the same ordering (deterministic: never a spurious failure). */
    private static AccessMode strong(AccessMode m) {
        return switch (m) {
            case WEAK_COMPARE_AND_SET, WEAK_COMPARE_AND_SET_PLAIN, WEAK_COMPARE_AND_SET_ACQUIRE, WEAK_COMPARE_AND_SET_RELEASE ->
                    AccessMode.COMPARE_AND_SET;
            default -> m;
        };
    }

    /** The call site's type with every reference type as Object: the JDK's asType then casts as an invocation would. */
    private static MethodType erased(String desc) {
        String refs = desc.replaceAll("\\[*L[^;]+;|\\[+[ZBCSIJFD]", "Ljava/lang/Object;");
        return MethodType.fromMethodDescriptorString(refs, null);
    }

    private static Object[] coordinates(Target t, Object[] args) {
        int n = t.array() ? 2 : t.field().isStatic() ? 0 : 1;
        Object[] out = new Object[n];
        System.arraycopy(args, 0, out, 0, n);
        return out;
    }

    private static Object real(VarHandle vh, AccessMode mode, MethodType type, Object[] args) {
        MethodHandle mh = vh.toMethodHandle(mode);
        try {
            return (type == null ? mh : mh.asType(type)).invokeWithArguments(args);
        } catch (Throwable e) {
            throw RtThreads.sneaky(e);
        }
    }

    // ---------------------------------------------------------------- field updaters

    /** {@code updater.name(args)}: the call of call {@code callId} on a field updater. */
    public static Object updater(Object u, Object[] args, int callId) {
        Calls.Call c = Calls.get(callId);
        if (u == null) {
            throw new NullPointerException("cannot invoke " + JavaNames.simple(c.owner()) + "." + c.name() + ": the updater is null");
        }
        JvmRuntime rt = JvmRuntime.active();
        Target t = TARGETS.get(u);
        boolean onField = args.length > 0 && (t == null || t.holder() == null || t.holder().isInstance(args[0]));
        if (rt == null || !rt.onTaskThread() || !onField) {
            if (rt != null && onField) {
                rt.ctl(); // notes code on a thread whylock did not start
            }
            return AtomicCalls.invoke(c, u, args); // no object of the field's class: the JDK throws, or a query
        }
        if (t == null || t.refused() != null) {
            NotControlled.stop(rt, (t == null ? "a field updater whylock did not see created" : t.refused()) + ": " + c.name()
                    + " at " + Sites.display(c.site()));
        }
        Calls.Call strong = c.name().startsWith("weakCompareAndSet")
                ? Calls.get(Calls.id(c.owner(), "compareAndSet", c.desc(), c.isInterface(), c.site())) : c;
        return access(rt, t, c.name(), true, UPDATER_READS.contains(c.name()) ? Category.READ : Category.WRITE, args,
                Sites.display(c.site()), () -> AtomicCalls.invoke(strong, u, args), () -> {
                    try {
                        return reflected(t.field()).get(args[0]);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private static java.lang.reflect.Field reflected(Fields.Info f) {
        JvmRuntime rt = JvmRuntime.active();
        try {
            java.lang.reflect.Field jf = Class.forName(JavaNames.binary(f.owner()), false, rt.loader).getDeclaredField(f.name());
            jf.setAccessible(true);
            return jf;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- one access

    /**
     * One access of target {@code t} with {@code args} (the coordinates first): a read operation and
     * then {@code body}, or one update operation inside which {@code body} runs; {@code current}
     * reads the value afterwards, for the shadow.
     */
    private static Object access(JvmRuntime rt, Target t, String name, boolean ordered, Category cat, Object[] args, String site,
            java.util.function.Supplier<Object> body, java.util.function.Supplier<Object> current) {
        Field<Object> s = shadow(rt, t, args);
        TaskCtx me = rt.ctl();
        if (s == null || me == null) {
            // Not an operation: a final field, a bad coordinate (the access throws), or code that is
            // not controlled here (a static initialiser, an atomic call); the shadow follows.
            Object r = body.get();
            Field<Object> existing = t.field() == null || t.field().isFinal() ? null : existingShadow(rt, t, args);
            if (existing != null && cat == Category.WRITE) {
                existing.store(shown(t, args, current.get()));
            }
            return r;
        }
        if (cat == Category.READ) {
            if (ordered) {
                s.getOrdered(site);
            } else {
                s.get(site);
            }
            return body.get();
        }
        Object[] result = new Object[1];
        Throwable[] thrown = new Throwable[1];
        java.util.function.UnaryOperator<Object> op = old -> rt.atomically(() -> {
            try {
                result[0] = body.get();
            } catch (Throwable e) {
                thrown[0] = e;
            }
            Object now = current.get();
            if (t.field() != null && (t.field().sort() == 'L' || t.field().sort() == '[')) {
                rt.shadows.home(now, t.field());
            }
            return shown(t, args, now);
        });
        if (ordered) {
            s.updateOrdered(op, site);
        } else {
            s.update(op, site);
        }
        if (thrown[0] != null) {
            throw RtThreads.sneaky(thrown[0]);
        }
        return result[0];
    }

    /** The engine field the access acts on, or null when it is not an operation (final field, null object, bad index). */
    private static Field<Object> shadow(JvmRuntime rt, Target t, Object[] args) {
        if (t.array()) {
            if (args.length < 2 || args[0] == null || !args[0].getClass().isArray() || !(args[1] instanceof Integer i)
                    || i < 0 || i >= java.lang.reflect.Array.getLength(args[0]) || rt.ctl() == null) {
                return null;
            }
            return rt.shadows.element(args[0], i);
        }
        Fields.Info f = t.field();
        if (f.isFinal() || rt.ctl() == null) {
            return null;
        }
        if (f.isStatic()) {
            initialise(f);
            return rt.shadows.statik(f);
        }
        return args.length == 0 || args[0] == null ? null : rt.shadows.field(args[0], f);
    }

    private static Field<Object> existingShadow(JvmRuntime rt, Target t, Object[] args) {
        if (t.array()) {
            return args.length >= 2 && args[0] != null && args[1] instanceof Integer i ? rt.shadows.existingElement(args[0], i) : null;
        }
        if (t.field().isStatic()) {
            return rt.shadows.existing(null, t.field());
        }
        return args.length == 0 || args[0] == null ? null : rt.shadows.existing(args[0], t.field());
    }

    /** The value as the shadow keeps it: references shown, primitives boxed as their field's type. */
    private static Object shown(Target t, Object[] args, Object v) {
        if (t.array()) {
            return Shadows.element(args[0], (Integer) args[1], v);
        }
        char sort = t.field().sort();
        return sort == 'L' || sort == '[' ? Display.of(v) : v;
    }

    /** A static field's class starts this execution's static state before the handle reaches it, as a getstatic would. */
    private static void initialise(Fields.Info f) {
        JvmRuntime rt = JvmRuntime.active();
        try {
            MethodHandle init = INITS.get(Class.forName(JavaNames.binary(f.owner()), false, rt.loader));
            if (init != null) {
                init.invoke();
            }
        } catch (Throwable e) {
            throw RtThreads.sneaky(e);
        }
    }
}
