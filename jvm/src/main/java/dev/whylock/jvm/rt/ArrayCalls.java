package dev.whylock.jvm.rt;

import dev.whylock.jvm.instrument.Calls;
import dev.whylock.jvm.instrument.Sites;
import java.lang.reflect.Array;
import java.util.Set;

/**
 * JDK calls that read or write the elements of the program's arrays: {@code System.arraycopy},
 * the static methods of {@code java.util.Arrays} and an array's {@code clone}. The JDK's code is
 * not rewritten, so before the call runs each element it touches is accessed as the program's own
 * {@code a[i]} would be (reads of what it reads, writes of what it writes), and the call then runs
 * at once. Bulk calls are thereby atomic between scheduling points, which a data-race-free program
 * cannot tell from element-wise copying; where two tasks' accesses are not ordered, the data race
 * on the element is reported.
 */
final class ArrayCalls {
    private ArrayCalls() {}

    /** Methods of Arrays that write their first array argument. */
    private static final Set<String> WRITES_FIRST = Set.of("fill", "sort", "parallelSort", "setAll", "parallelSetAll", "parallelPrefix");

    /** Methods of Arrays whose {@code (array, from, to, ...)} overloads touch only that range. */
    private static final Set<String> RANGED = Set.of("fill", "sort", "parallelSort", "parallelPrefix", "copyOfRange", "binarySearch",
            "stream", "spliterator");

    /** Methods of Arrays comparing {@code (a, aFrom, aTo, b, bFrom, bTo, ...)} ranges. */
    private static final Set<String> TWO_RANGES = Set.of("equals", "mismatch", "compare", "compareUnsigned");

    static Object call(Object recv, Object[] args, int callId) {
        Calls.Call c = Calls.get(callId);
        JvmRuntime rt = JvmRuntime.active();
        TaskCtx me = rt == null ? null : rt.ctl();
        if (recv == null && c.owner().startsWith("[")) {
            throw new NullPointerException("cannot invoke clone: the array is null");
        }
        if (me == null) {
            return invoke(c, recv, args);
        }
        String site = Sites.display(c.site());
        if (recv != null) { // an array's clone reads every element
            read(rt, recv, 0, Array.getLength(recv), site);
            return invoke(c, recv, args);
        }
        if (c.owner().equals("java/lang/System")) {
            arraycopy(rt, args, site);
            return invoke(c, null, args);
        }
        boolean twoRanges = TWO_RANGES.contains(c.name()) && args.length >= 6 && args[0] != null && args[0].getClass().isArray()
                && args[1] instanceof Integer && args[3] != null && args[3].getClass().isArray() && args[4] instanceof Integer;
        boolean ranged = RANGED.contains(c.name()) && args.length >= 3 && args[1] instanceof Integer && args[2] instanceof Integer;
        boolean writes = WRITES_FIRST.contains(c.name());
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null || !a.getClass().isArray()) {
                continue;
            }
            int from = 0;
            int to = Array.getLength(a);
            if (twoRanges && (i == 0 || i == 3)) {
                from = (Integer) args[i + 1];
                to = (Integer) args[i + 2];
            } else if (ranged && i == 0) {
                from = (Integer) args[1];
                to = (Integer) args[2];
            }
            if (from < 0 || to > Array.getLength(a) || from > to) {
                continue; // the JDK's own check throws
            }
            if (writes && i == 0) {
                for (int k = from; k < to; k++) {
                    rt.shadows.element(a, k).set("?", site);
                }
            } else {
                read(rt, a, from, to, site);
            }
        }
        Object result = invoke(c, null, args);
        if (writes && args.length > 0 && args[0] != null && args[0].getClass().isArray()) {
            keepShadows(rt, args[0]);
        }
        if (c.name().equals("asList") && result != null && args.length == 1 && args[0] != null) {
            rt.collectionViews.put(result, args[0]); // the list reads and writes the array's elements
        }
        return result;
    }

    /**
     * Before a JDK call that may write every element of {@code array} (a collection's
     * {@code toArray(T[])}): a write of each, whose value the call decides; after it, {@link #keepShadows}.
     */
    static void writeAll(JvmRuntime rt, Object array, String site) {
        for (int k = 0; k < Array.getLength(array); k++) {
            rt.shadows.element(array, k).set("?", site);
        }
    }

    static void read(JvmRuntime rt, Object array, int from, int to, String site) {
        for (int k = from; k < to; k++) {
            rt.shadows.element(array, k).get(site);
        }
    }

    /** arraycopy(src, srcPos, dest, destPos, length): reads of the source range, writes of the destination range with the values it gets. */
    private static void arraycopy(JvmRuntime rt, Object[] args, String site) {
        Object src = args[0];
        Object dst = args[2];
        int sp = (Integer) args[1];
        int dp = (Integer) args[3];
        int n = (Integer) args[4];
        if (src == null || dst == null || !src.getClass().isArray() || !dst.getClass().isArray() || n < 0 || sp < 0 || dp < 0
                || sp + n > Array.getLength(src) || dp + n > Array.getLength(dst)
                || src.getClass().getComponentType().isPrimitive() != dst.getClass().getComponentType().isPrimitive()) {
            return; // the JDK's own checks throw
        }
        Object[] values = new Object[n];
        for (int k = 0; k < n; k++) {
            rt.shadows.element(src, sp + k).get(site);
            values[k] = Shadows.element(src, sp + k, Array.get(src, sp + k));
        }
        for (int k = 0; k < n; k++) {
            rt.shadows.element(dst, dp + k).set(values[k], site);
        }
    }

    /** After a call that wrote elements with values known only once it ran: the shadows take the values without an operation. */
    static void keepShadows(JvmRuntime rt, Object array) {
        for (int k = 0; k < Array.getLength(array); k++) {
            var s = rt.shadows.existingElement(array, k);
            if (s != null) {
                s.store(Shadows.element(array, k, Array.get(array, k)));
            }
        }
    }

    private static Object invoke(Calls.Call c, Object recv, Object[] args) {
        return recv != null ? cloneOf(recv) : AtomicCalls.invokeStatic(c, args);
    }

    private static Object cloneOf(Object a) {
        return switch (a) {
            case int[] x -> x.clone();
            case long[] x -> x.clone();
            case byte[] x -> x.clone();
            case char[] x -> x.clone();
            case short[] x -> x.clone();
            case boolean[] x -> x.clone();
            case float[] x -> x.clone();
            case double[] x -> x.clone();
            default -> ((Object[]) a).clone();
        };
    }
}
