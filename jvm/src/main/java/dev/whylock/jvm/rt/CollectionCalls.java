package dev.whylock.jvm.rt;

import dev.whylock.engine.Field;
import dev.whylock.jvm.instrument.Calls;
import dev.whylock.jvm.instrument.Sites;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Vector;

/**
 * Calls from the program on JDK collections, maps, their entries, iterators and views (and on the
 * other mutable JDK objects programs share: StringBuilder, StringBuffer, BitSet). The JDK's
 * code runs unobserved, so each call is made one visible access to the collection as a whole, a
 * single memory location (a view, an iterator or an entry counts as the collection it shows), of
 * the kind the receiver's class implies:
 * <ul>
 *   <li>a concurrent collection ({@code java.util.concurrent}): one atomic operation, as when the
 *       call is typed with its own class ({@link AtomicCalls});</li>
 *   <li>a {@code Vector}, {@code Stack}, {@code Hashtable}, {@code StringBuffer} or a {@code Collections.synchronized*}
 *       wrapper (and their synchronized views): the call takes the monitor the JDK's code takes (the
 *       object itself, a wrapper's views the wrapper), as {@code synchronized (c)} in the program
 *       does, and accesses the collection under it: client-side locking works, and an iteration
 *       that does not hold the monitor races with the calls that do;</li>
 *   <li>any other collection: plain memory, a read or a write per call, so concurrent use without a
 *       lock is a data race and every order of conflicting calls is explored.</li>
 * </ul>
 * An iterator call is also an access to the iterator itself (its cursor), so that an iterator
 * shared between tasks is explored as well. Unknown methods count as writes.
 */
final class CollectionCalls {
    private CollectionCalls() {}

    /** Methods that only read: they commute with each other. */
    private static final Set<String> READS = union(AtomicCalls.READS, Set.of("hasNext", "hasPrevious", "nextIndex", "previousIndex",
            "getKey", "getValue", "hasMoreElements", "estimateSize", "getExactSizeIfKnown", "characteristics", "hasCharacteristics",
            "getComparator", "next", "previous", "nextElement", "forEachRemaining", "tryAdvance", "trySplit", "reversed",
            "sequencedKeySet", "sequencedValues", "sequencedEntrySet", "keys", "elements", "elementAt", "firstElement",
            "lastElement", "capacity", "search", "propertyNames", "stringPropertyNames", "getProperty",
            // StringBuilder, StringBuffer, BitSet
            "charAt", "codePointAt", "codePointBefore", "codePointCount", "substring", "subSequence", "chars", "codePoints",
            "compareTo", "cardinality", "nextSetBit", "nextClearBit", "previousSetBit", "previousClearBit", "intersects",
            "toByteArray", "toLongArray", "clone"));

    /** Methods of an iterator that move its cursor (a write of the iterator); the others only look at it. */
    private static final Set<String> CURSOR_MOVES = Set.of("next", "previous", "remove", "set", "add", "forEachRemaining",
            "tryAdvance", "trySplit", "nextElement", "asIterator");

    /** Methods whose result shows the receiver's collection (a view, an iterator). */
    private static final Set<String> VIEWS = Set.of("iterator", "listIterator", "spliterator", "descendingIterator", "keySet",
            "values", "entrySet", "subList", "headMap", "tailMap", "subMap", "headSet", "tailSet", "subSet", "descendingMap",
            "descendingSet", "navigableKeySet", "descendingKeySet", "reversed", "sequencedKeySet", "sequencedValues",
            "sequencedEntrySet", "elements", "keys", "asIterator");

    static Object call(Object recv, Object[] args, int callId) {
        Calls.Call c = Calls.get(callId);
        if (recv == null && c.owner().equals("java/util/Collections")) {
            return wrapper(c, args);
        }
        AtomicCalls.requireReceiver(recv, c);
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = rt == null ? null : rt.ctl();
        if (me == null || recv.getClass().getName().startsWith("dev.whylock.jvm.rt.Model")) {
            return AtomicCalls.invoke(c, recv, args); // a model of a JDK class performs its own operations
        }
        Object root = rt.collectionViews.getOrDefault(recv, recv);
        Object result;
        if (isConcurrent(root)) {
            result = AtomicCalls.call(rt, me, c, recv, root, args);
        } else {
            String site = Sites.display(c.site());
            Object monitor = monitorOf(recv, root);
            if (monitor != null) {
                rt.prims.lock(me, monitor, site);
            }
            try {
                access(rt, c, recv, root, args, site);
                Object into = intoArray(c, args);
                if (into != null) {
                    ArrayCalls.writeAll(rt, into, site);
                }
                result = AtomicCalls.invoke(c, recv, args);
                if (into != null) {
                    ArrayCalls.keepShadows(rt, into);
                }
                if (root.getClass().isArray() && !READS.contains(c.name())) {
                    ArrayCalls.keepShadows(rt, root);
                }
            } finally {
                if (monitor != null) {
                    rt.prims.unlock(me, monitor, site);
                }
            }
        }
        if (result != null && result != recv && shows(c.name(), recv, result, rt)) {
            rt.collectionViews.put(result, root);
        }
        return result;
    }

    /**
     * {@code Collections.unmodifiable*} and {@code checked*}: the wrapper reads and writes through to
     * the collection it wraps, so it counts as a view of it (a getter's unmodifiable view iterated
     * while another thread adds to the list is the list's race). The synchronized wrappers are not
     * views: their calls take the wrapper's own monitor, and go on being their own location.
     */
    private static Object wrapper(Calls.Call c, Object[] args) {
        Object result = AtomicCalls.invokeStatic(c, args);
        JvmRuntime rt = JvmRuntime.active();
        if (rt != null && rt.ctl() != null && result != null && args.length > 0 && args[0] != null) {
            rt.collectionViews.put(result, rt.collectionViews.getOrDefault(args[0], args[0]));
        }
        return result;
    }

    private static void access(JvmRuntime rt, Calls.Call c, Object recv, Object root, Object[] args, String site) {
        if (root.getClass().isArray()) { // Arrays.asList's view: its elements are the array's
            int n = java.lang.reflect.Array.getLength(root);
            if ((c.name().equals("get") || c.name().equals("set")) && args.length >= 1 && args[0] instanceof Integer i && i >= 0 && i < n) {
                if (c.name().equals("get")) {
                    ArrayCalls.read(rt, root, i, i + 1, site);
                } else {
                    rt.shadows.element(root, i).set(Shadows.element(root, i, args[1]), site);
                }
            } else if (c.name().equals("size") || c.name().equals("isEmpty")) {
                return; // the length never changes
            } else if (READS.contains(c.name())) {
                ArrayCalls.read(rt, root, 0, n, site);
            } else {
                ArrayCalls.writeAll(rt, root, site);
            }
            return;
        }
        boolean read = READS.contains(c.name());
        if (isCursor(recv)) {
            Field<Object> cursor = rt.collectionShadow(recv, root);
            if (CURSOR_MOVES.contains(c.name())) {
                cursor.set(c.name() + "()", site);
            } else {
                cursor.get(site);
            }
            read = !(c.name().equals("remove") || c.name().equals("set") || c.name().equals("add"));
        }
        Field<Object> f = rt.collectionShadow(root, null);
        if (read) {
            f.get(site);
        } else {
            f.set(text(c, args), site);
        }
    }

    /** The program's array a {@code toArray(T[])} (or a Vector's {@code copyInto}) writes into, else null. */
    private static Object intoArray(Calls.Call c, Object[] args) {
        return (c.name().equals("toArray") || c.name().equals("copyInto")) && args.length == 1 && args[0] != null
                && args[0].getClass().isArray() ? args[0] : null;
    }

    /** What a write shows in traces: the call, e.g. {@code add(1)}. */
    private static String text(Calls.Call c, Object[] args) {
        StringBuilder b = new StringBuilder(c.name()).append('(');
        for (int i = 0; i < args.length; i++) {
            b.append(i == 0 ? "" : ", ").append(Display.of(args[i]));
        }
        return b.append(')').toString();
    }

    private static boolean isCursor(Object o) {
        return o instanceof Iterator<?> || o instanceof Spliterator<?> || o instanceof Enumeration<?>;
    }

    private static boolean isConcurrent(Object o) {
        return o.getClass().getName().startsWith("java.util.concurrent.");
    }

    /**
     * The monitor the JDK's code of this call holds, taken in the model first: the object of a
     * {@code Vector} or {@code Hashtable} and of their synchronized iterators, a synchronized
     * wrapper (its views lock the wrapper they came from); null for unsynchronized receivers.
     */
    private static Object monitorOf(Object recv, Object root) {
        Class<?> c = recv.getClass();
        if (c.getName().startsWith("java.util.Collections$Synchronized")) {
            return root;
        }
        if (recv instanceof Vector<?> || recv instanceof Hashtable<?, ?> || recv instanceof StringBuffer) {
            return recv;
        }
        Class<?> outer = c.getEnclosingClass();
        if (outer == Vector.class && (root instanceof Vector<?>)) {
            return root; // Vector's iterators and enumeration synchronize on the vector
        }
        return null;
    }

    /** Whether {@code result} of {@code name} on {@code recv} is a view or iterator of the receiver's collection. */
    private static boolean shows(String name, Object recv, Object result, JvmRuntime rt) {
        boolean jdk = result.getClass().getClassLoader() == null;
        if (!jdk) {
            return false;
        }
        if (VIEWS.contains(name)) {
            return result instanceof Collection<?> || result instanceof Map<?, ?> || isCursor(result);
        }
        // the entries an iterator over a map's entries hands out write through to the map
        return (name.equals("next") || name.equals("previous") || name.equals("nextElement"))
                && result instanceof Map.Entry<?, ?> && rt.collectionViews.containsKey(recv)
                && result.getClass().getName().indexOf('$') >= 0;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }
}
