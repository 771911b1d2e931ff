package dev.whylock.engine.exec;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one operation touched: for each engine object (a field, a lock, an object's liveness, a work
 * item, a completion, a task's liveness, or one of the execution-wide counters), whether it only
 * observed it, changed it, or changed it by a commutative update. The search's dependency relation
 * is defined on footprints alone (see docs/engine.md, "Dependency").
 */
public final class Footprint {

    /* Design: a footprint is a handful of entries, so plain arrays scanned pairwise beat any map.
     * An executed operation's footprint also carries, per entry, the object's state just before the
     * operation: DPOR uses it to decide whether a blocked operation could have run before this one. */

    /** Reads the object's state without changing it. */
    public static final byte OBSERVE = 0;
    /** Changes the object's state; ordered against every other operation on the object. */
    public static final byte MODIFY = 1;
    /** A commutative update (a counter increment, the clock's maximum): ordered only against observers. */
    public static final byte ADD = 2;

    /** The virtual clock. */
    public static final int CLOCK = -1;
    /** The number of work items that are pending or running. */
    public static final int BUSY = -2;
    /** The number of spawned tasks (not main, not workers) that have not finished. */
    public static final int LIVE = -3;
    /** The set of armed timers with their deadlines (ordered timing only). */
    public static final int TIMERS = -4;
    /** Virtual time in the timed mode: ticks change it, reading time and waiting for it observe it. */
    public static final int TIME = -5;

    /** The liveness object of a task: finishing changes it, join observes it. */
    public static int taskObject(int task) {
        return -100 - task;
    }

    /** The interrupt flag of a task ({@code Thread.interrupt}). */
    public static int interruptObject(int task) {
        return -(1 << 24) - task;
    }

    /** The park permit of a task ({@code LockSupport.unpark}). */
    public static int permitObject(int task) {
        return -(2 << 24) - task;
    }

    /** The timer of a task's timed wait (sleep, a wait or acquisition with a timeout). */
    public static int timerObject(int task) {
        return -(3 << 24) - task;
    }

    public static final Footprint EMPTY = new Footprint(new long[0], null, null, false);

    /* One long per entry, the object's id shifted left by 8 over the mode: a footprint is made per
     * step, so its entries, deltas and before-states are the bulk of what an execution allocates;
     * deltas (only commutative updates have any) and before-states are left out when all are 0 or null. */
    private final long[] entries;
    private final long[] deltas;
    private final Object[] before;
    private final boolean observesAllMemory;

    private Footprint(long[] entries, long[] deltas, Object[] before, boolean observesAllMemory) {
        this.entries = entries;
        this.deltas = deltas;
        this.before = before;
        this.observesAllMemory = observesAllMemory;
    }

    private static long entry(int object, byte mode) {
        return ((long) object << 8) | (mode & 0xff);
    }

    private static int objectOf(long entry) {
        return (int) (entry >> 8);
    }

    private static byte modeOf(long entry) {
        return (byte) entry;
    }

    public int size() {
        return entries.length;
    }

    public int object(int i) {
        return objectOf(entries[i]);
    }

    public byte mode(int i) {
        return modeOf(entries[i]);
    }

    /** The amount of an {@link #ADD} entry. */
    public long delta(int i) {
        Objects.checkIndex(i, entries.length);
        return deltas == null ? 0 : deltas[i];
    }

    /** The object's state before the operation (executed footprints only; {@code null} when not recorded). */
    public Object before(int i) {
        Objects.checkIndex(i, entries.length);
        return before == null ? null : before[i];
    }

    /**
     * Whether this (pending) footprint may read any memory object: an invariant check, whose reads
     * are known only once it has run. Such a footprint depends on every change to memory.
     */
    public boolean observesAllMemory() {
        return observesAllMemory;
    }

    /** Whether some entry changes a memory object (a field or an object's liveness; ids >= 0). */
    boolean changesMemory() {
        for (long e : entries) {
            if (objectOf(e) >= 0 && modeOf(e) != OBSERVE) {
                return true;
            }
        }
        return false;
    }

    /** The index of the entry for {@code object}, or -1. */
    public int indexOf(int object) {
        for (int i = 0; i < entries.length; i++) {
            if (objectOf(entries[i]) == object) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the order of two operations with these footprints can matter: they touch a common
     * object and neither both observe it nor both update it commutatively. Symmetric.
     */
    public static boolean dependent(Footprint a, Footprint b) {
        for (long x : a.entries) {
            for (long y : b.entries) {
                if (objectOf(x) == objectOf(y) && conflict(modeOf(x), modeOf(y))) {
                    return true;
                }
            }
        }
        return (a.observesAllMemory && b.changesMemory()) || (b.observesAllMemory && a.changesMemory());
    }

    /** Whether two accesses to one object in these modes are dependent. */
    public static boolean conflict(byte x, byte y) {
        return !(x == OBSERVE && y == OBSERVE) && !(x == ADD && y == ADD);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < entries.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(name(object(i))).append(mode(i) == OBSERVE ? ":r" : mode(i) == MODIFY ? ":w" : ":+" + delta(i));
        }
        if (observesAllMemory) {
            b.append(entries.length > 0 ? ", " : "").append("*:r");
        }
        return b.append('}').toString();
    }

    private static String name(int o) {
        return switch (o) {
            case CLOCK -> "clock";
            case BUSY -> "busy";
            case LIVE -> "live";
            case TIMERS -> "timers";
            case TIME -> "time";
            default -> o <= -(3 << 24) ? "timer" + (-(3 << 24) - o)
                    : o <= -(2 << 24) ? "permit" + (-(2 << 24) - o)
                    : o <= -(1 << 24) ? "interrupt" + (-(1 << 24) - o)
                    : o <= -100 ? "task" + (-100 - o) : "#" + o;
        };
    }

    /** Collects the entries of one footprint. */
    public static final class Builder {
        private int[] objects = new int[4];
        private byte[] modes = new byte[4];
        private long[] deltas = new long[4];
        private Object[] before = new Object[4];
        private int size;
        private boolean allMemory;

        public Builder observe(int object) {
            return add(object, OBSERVE, 0, null);
        }

        public Builder observe(int object, Object stateBefore) {
            return add(object, OBSERVE, 0, stateBefore);
        }

        public Builder modify(int object) {
            return add(object, MODIFY, 0, null);
        }

        public Builder modify(int object, Object stateBefore) {
            return add(object, MODIFY, 0, stateBefore);
        }

        /** A commutative update by {@code delta}; {@code valueBefore} is the counter's value before it. */
        public Builder add(int object, long delta, long valueBefore) {
            return add(object, ADD, delta, valueBefore);
        }

        /** Marks the footprint as possibly reading every memory object. */
        public Builder observeAllMemory() {
            allMemory = true;
            return this;
        }

        private Builder add(int object, byte mode, long delta, Object stateBefore) {
            for (int i = 0; i < size; i++) {
                if (objects[i] == object) {
                    // Touching one object twice in one step: two different modes make a plain change
                    // (an observed-and-updated counter is no longer commutative); the first state is kept.
                    if (modes[i] != mode) {
                        modes[i] = MODIFY;
                    }
                    deltas[i] += delta;
                    return this;
                }
            }
            if (size == objects.length) {
                objects = Arrays.copyOf(objects, size * 2);
                modes = Arrays.copyOf(modes, size * 2);
                deltas = Arrays.copyOf(deltas, size * 2);
                before = Arrays.copyOf(before, size * 2);
            }
            objects[size] = object;
            modes[size] = mode;
            deltas[size] = delta;
            before[size] = stateBefore;
            size++;
            return this;
        }

        /** Empties this builder for the next footprint (one builder per execution serves every step). */
        public Builder reset() {
            Arrays.fill(before, 0, size, null); // keep no state of the last step alive
            size = 0;
            allMemory = false;
            return this;
        }

        public Footprint build() {
            if (size == 0 && !allMemory) {
                return EMPTY;
            }
            long[] e = new long[size];
            boolean anyDelta = false;
            boolean anyBefore = false;
            for (int i = 0; i < size; i++) {
                e[i] = entry(objects[i], modes[i]);
                anyDelta |= deltas[i] != 0;
                anyBefore |= before[i] != null;
            }
            return new Footprint(e, anyDelta ? Arrays.copyOf(deltas, size) : null, anyBefore ? Arrays.copyOf(before, size) : null,
                    allMemory);
        }
    }
}
