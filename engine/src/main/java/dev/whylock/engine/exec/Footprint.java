package dev.whylock.engine.exec;

import java.util.Arrays;

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

    public static final Footprint EMPTY = new Footprint(new int[0], new byte[0], new long[0], new Object[0], false);

    private final int[] objects;
    private final byte[] modes;
    private final long[] deltas;
    private final Object[] before;
    private final boolean observesAllMemory;

    private Footprint(int[] objects, byte[] modes, long[] deltas, Object[] before, boolean observesAllMemory) {
        this.objects = objects;
        this.modes = modes;
        this.deltas = deltas;
        this.before = before;
        this.observesAllMemory = observesAllMemory;
    }

    public int size() {
        return objects.length;
    }

    public int object(int i) {
        return objects[i];
    }

    public byte mode(int i) {
        return modes[i];
    }

    /** The amount of an {@link #ADD} entry. */
    public long delta(int i) {
        return deltas[i];
    }

    /** The object's state before the operation (executed footprints only; {@code null} when not recorded). */
    public Object before(int i) {
        return before[i];
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
        for (int i = 0; i < objects.length; i++) {
            if (objects[i] >= 0 && modes[i] != OBSERVE) {
                return true;
            }
        }
        return false;
    }

    /** The index of the entry for {@code object}, or -1. */
    public int indexOf(int object) {
        for (int i = 0; i < objects.length; i++) {
            if (objects[i] == object) {
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
        for (int i = 0; i < a.objects.length; i++) {
            for (int j = 0; j < b.objects.length; j++) {
                if (a.objects[i] == b.objects[j] && conflict(a.modes[i], b.modes[j])) {
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
        for (int i = 0; i < objects.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(name(objects[i])).append(modes[i] == OBSERVE ? ":r" : modes[i] == MODIFY ? ":w" : ":+" + deltas[i]);
        }
        if (observesAllMemory) {
            b.append(objects.length > 0 ? ", " : "").append("*:r");
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
            return new Footprint(Arrays.copyOf(objects, size), Arrays.copyOf(modes, size), Arrays.copyOf(deltas, size),
                    Arrays.copyOf(before, size), allMemory);
        }
    }
}
