package dev.whylock.jvm.rt;

import dev.whylock.jvm.instrument.Calls;
import dev.whylock.jvm.instrument.JavaNames;
import dev.whylock.jvm.instrument.Sites;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Calls on atomics and concurrent collections, each one atomic visible operation on the object's
 * state: a read (the call then runs in the task, before any other task can run) or a change (the
 * call runs inside the operation, so its result is what the trace shows). The blocking methods of
 * blocking queues try their non-blocking twin and wait for the next change when it fails.
 */
final class AtomicCalls {
    private AtomicCalls() {}

    /** Methods that only read the object: they commute with each other. */
    static final Set<String> READS = Set.of("get", "getPlain", "getOpaque", "getAcquire", "intValue", "longValue",
            "floatValue", "doubleValue", "shortValue", "byteValue", "toString", "length", "size", "isEmpty", "containsKey",
            "containsValue", "contains", "containsAll", "peek", "peekFirst", "peekLast", "element", "getFirst", "getLast",
            "getOrDefault", "keySet", "values", "entrySet", "keys", "elements", "iterator", "descendingIterator",
            "spliterator", "stream", "parallelStream", "forEach", "sum", "mappingCount", "firstKey", "lastKey", "firstEntry",
            "lastEntry", "headMap", "tailMap", "subMap", "headSet", "tailSet", "subSet", "ceilingKey", "floorKey", "higherKey",
            "lowerKey", "ceilingEntry", "floorEntry", "higherEntry", "lowerEntry", "ceiling", "floor", "higher", "lower",
            "first", "last", "navigableKeySet", "descendingKeySet", "descendingMap", "comparator", "remainingCapacity",
            "hashCode", "equals", "toArray", "indexOf", "lastIndexOf", "subList", "listIterator", "forEachKey",
            "forEachValue", "forEachEntry", "search", "searchKeys", "searchValues", "searchEntries", "reduce", "reduceKeys",
            "reduceValues", "reduceEntries");

    private static final Map<Integer, MethodHandle> HANDLES = new ConcurrentHashMap<>();

    /** The JVM's null check of a rewritten call's receiver. */
    static void requireReceiver(Object recv, Calls.Call c) {
        if (recv == null) {
            throw new NullPointerException("cannot invoke " + JavaNames.simple(c.owner()) + "." + c.name() + ": the receiver is null");
        }
    }

    static Object call(Object recv, Object[] args, int callId) {
        Calls.Call c = Calls.get(callId);
        requireReceiver(recv, c);
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = rt == null ? null : rt.ctl();
        if (me == null || recv instanceof ModelSynchronousQueue<?>) {
            return invoke(c, recv, args); // a modelled queue answers its calls itself
        }
        return call(rt, me, c, recv, recv, args);
    }

    /** The call as one atomic operation on {@code state}'s queue: the receiver itself, or the collection a view of it shows. */
    static Object call(JvmRuntime rt, TaskCtx me, Calls.Call c, Object recv, Object state, Object[] args) {
        String site = Sites.display(c.site());
        WaitQueue q = rt.atomicState(state);
        if (recv instanceof BlockingQueue<?> && blocking(c)) {
            return blockingCall(rt, me, c, q, recv, args, site);
        }
        if (READS.contains(c.name())) {
            q.read(site);
            return invoke(c, recv, args);
        }
        Object[] result = new Object[1];
        Throwable[] thrown = new Throwable[1];
        List<Waiter> woken = q.mutate(() -> rt.atomically(() -> {
            try {
                result[0] = invoke(c, recv, args);
            } catch (Throwable t) {
                thrown[0] = t;
            }
            return text(c, recv, args, result[0], thrown[0]);
        }), site);
        WaitQueue.wakeAll(woken, site);
        if (thrown[0] != null) {
            throw RtThreads.sneaky(thrown[0]);
        }
        return result[0];
    }

    private static boolean blocking(Calls.Call c) {
        return switch (c.name()) {
            case "take", "put", "takeFirst", "takeLast", "putFirst", "putLast" -> true;
            case "offer", "offerFirst", "offerLast" -> c.desc().contains("TimeUnit");
            case "poll", "pollFirst", "pollLast" -> c.desc().contains("TimeUnit");
            default -> false;
        };
    }

    /** take/put and the timed offer/poll: the non-blocking twin now, or wait for the queue's next change and try again. */
    private static Object blockingCall(JvmRuntime rt, TaskCtx me, Calls.Call c, WaitQueue q, Object recv, Object[] args, String site) {
        String name = c.name();
        boolean timed = c.desc().contains("TimeUnit");
        long nanos = -1;
        if (timed) {
            int n = args.length;
            nanos = Math.max(0, ((TimeUnit) args[n - 1]).toNanos((Long) args[n - 2]));
        }
        boolean insert = name.startsWith("put") || name.startsWith("offer");
        while (true) {
            Object[] result = new Object[1];
            Waiter w = rt.prims.waiter(me, q);
            List<Waiter> woken = q.attempt(() -> rt.atomically(() -> {
                result[0] = twin(recv, name, args);
                boolean ok = insert ? (Boolean) result[0] : result[0] != null;
                return ok ? name + (insert ? "(" + Display.of(args[0]) + ")" : "() → " + Display.of(result[0])) : null;
            }), w, site);
            if (woken != null) {
                WaitQueue.wakeAll(woken, site);
                return name.startsWith("put") ? null : result[0];
            }
            Waiter.Reason r = rt.prims.block(me, w, nanos, JvmPrimitives.Interrupts.THROW, site);
            if (r == Waiter.Reason.INTERRUPTED) {
                throw RtThreads.sneaky(new InterruptedException());
            }
            if (r == Waiter.Reason.TIMEOUT) {
                return insert ? Boolean.FALSE : null;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object twin(Object recv, String name, Object[] args) {
        BlockingQueue<Object> q = (BlockingQueue<Object>) recv;
        return switch (name) {
            case "take", "poll" -> q.poll();
            case "put", "offer" -> q.offer(args[0]);
            case "takeFirst", "pollFirst" -> ((BlockingDeque<Object>) q).pollFirst();
            case "takeLast", "pollLast" -> ((BlockingDeque<Object>) q).pollLast();
            case "putFirst", "offerFirst" -> ((BlockingDeque<Object>) q).offerFirst(args[0]);
            default -> ((BlockingDeque<Object>) q).offerLast(args[0]);
        };
    }

    /** What the trace shows after a change: an atomic's new value, else the call and its result. */
    private static String text(Calls.Call c, Object recv, Object[] args, Object result, Throwable thrown) {
        if (c.owner().startsWith("java/util/concurrent/atomic/") && thrown == null) {
            if (recv instanceof java.util.concurrent.atomic.AtomicReference<?> r) {
                return String.valueOf(Display.of(r.get()));
            }
            if (!(recv instanceof java.util.concurrent.atomic.AtomicReferenceArray<?>)) {
                return recv.toString();
            }
        }
        StringBuilder b = new StringBuilder(c.name()).append('(');
        for (int i = 0; i < args.length; i++) {
            b.append(i == 0 ? "" : ", ").append(Display.of(args[i]));
        }
        b.append(')');
        if (thrown != null) {
            b.append(" threw ").append(thrown.getClass().getSimpleName());
        } else if (!c.desc().endsWith(")V")) {
            b.append(" → ").append(Display.of(result));
        }
        return b.toString();
    }

    static Object invoke(Calls.Call c, Object recv, Object[] args) {
        Object[] all = new Object[args.length + 1];
        all[0] = recv;
        System.arraycopy(args, 0, all, 1, args.length);
        return invokeSpread(c, false, all);
    }

    /** Calls the static JDK method {@code c} with {@code args}. */
    static Object invokeStatic(Calls.Call c, Object[] args) {
        return invokeSpread(c, true, args);
    }

    /**
     * Calls {@code c} (the receiver first in {@code all} unless static) through a handle resolved once
     * per call site: it takes its arguments as one Object[] and returns Object, so invokeExact needs no
     * per-call adaptation.
     */
    private static Object invokeSpread(Calls.Call c, boolean isStatic, Object[] all) {
        MethodHandle mh = HANDLES.computeIfAbsent(c.id(), k -> {
            MethodHandle fixed = resolve(c, isStatic).asFixedArity();
            return fixed.asType(fixed.type().generic()).asSpreader(Object[].class, fixed.type().parameterCount());
        });
        try {
            return (Object) mh.invokeExact(all);
        } catch (Throwable t) {
            throw RtThreads.sneaky(t);
        }
    }

    private static MethodHandle resolve(Calls.Call c, boolean isStatic) {
        try {
            ClassLoader platform = ClassLoader.getPlatformClassLoader();
            Class<?> owner = Class.forName(JavaNames.binary(c.owner()), false, platform);
            MethodType type = MethodType.fromMethodDescriptorString(c.desc(), platform);
            return isStatic ? MethodHandles.publicLookup().findStatic(owner, c.name(), type)
                    : MethodHandles.publicLookup().findVirtual(owner, c.name(), type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + c.owner() + "." + c.name() + c.desc(), e);
        }
    }
}
