package dev.whylock.engine.search;

import dev.whylock.engine.exec.Footprint;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The parts of optimal DPOR's wakeup trees that need no search state: a tree's nodes, the steps of
 * a wakeup sequence being inserted, happens-before and initials within a sequence, and the
 * independence judgement used to pass an existing branch below a frame's own level.
 * {@link SourceDpor} builds the sequences from its frames and walks the trees.
 */
final class WakeupTrees {
    private WakeupTrees() {}

    /**
     * A node of a wakeup tree (optimal DPOR): one step, named by its task's stable key and the
     * task's step number; its children are the branches to explore after it, leftmost first.
     */
    static final class Node {
        final int key;
        final int local;
        /** The {@code choose} value the step took, or -1 (none, or not known yet). */
        int value;
        /** What the step touched, once known (null for a reversed step that has not run in its new place yet). */
        Footprint fp;
        final List<Node> children = new ArrayList<>(2);

        Node(int key, int local, int value, Footprint fp) {
            this.key = key;
            this.local = local;
            this.value = value;
            this.fp = fp;
        }
    }

    /** One step of a wakeup sequence being inserted: its task here, its key, its step number, clock and footprint. */
    record Event(int task, int key, int local, Footprint fp, int value, boolean reversed) {}

    /**
     * Whether step {@code x} of {@code w} follows one of the steps of w at the positions in
     * {@code among} (all before x): by program order or by dependency. Happens-before within w is
     * the transitive closure of that, but a step whose predecessors are all outside {@code among}
     * cannot reach one in it through them when {@code among} is closed under "comes after" (the
     * steps not yet consumed from a sequence), so the direct edges decide (see
     * {@link SourceDpor#insertWakeup}). The execution's clocks also order through steps left out
     * of w, which would hide initials: the later step of a race depends there on steps that move
     * after it in the reversal.
     */
    static boolean followsOneOf(List<Event> w, int x, BitSet among) {
        Event e = w.get(x);
        for (int y = among.nextSetBit(0); y >= 0 && y < x; y = among.nextSetBit(y + 1)) {
            Event d = w.get(y);
            if (d.task() == e.task() || (e.reversed() ? dependentOnReversed(d.fp(), e.fp()) : Footprint.dependent(d.fp(), e.fp()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one of {@code tasks} is an initial of {@code w}: its first step in w follows no other
     * step of w (a step with no direct predecessor in w has none at all).
     */
    static boolean hasInitialAmong(List<Event> w, BitSet tasks) {
        BitSet seenTasks = new BitSet();
        BitSet before = new BitSet();
        for (int x = 0; x < w.size(); x++) {
            int t = w.get(x).task();
            if (!seenTasks.get(t)) {
                seenTasks.set(t);
                if (tasks.get(t) && !followsOneOf(w, x, before)) {
                    return true;
                }
            }
            before.set(x);
        }
        return false;
    }

    static int firstOf(List<Event> w, int key) {
        for (int x = 0; x < w.size(); x++) {
            if (w.get(x).key() == key) {
                return x;
            }
        }
        return -1;
    }

    /**
     * Whether task {@code q}'s next step, with footprint {@code fp}, is independent of every step
     * of {@code w} and {@code q} has no step in it. The reversed step's footprint after the reversal
     * is not known: q must touch none of the objects it touched.
     */
    static boolean independentOfAll(int q, Footprint fp, List<Event> w) {
        for (Event e : w) {
            if (e.task() == q) {
                return false;
            }
            if (e.reversed() ? dependentOnReversed(fp, e.fp()) : Footprint.dependent(fp, e.fp())) {
                return false;
            }
        }
        return true;
    }

    /** Whether every object {@code fp} touches existed before a step where {@code ids} object ids and {@code tasks} tasks existed. */
    static boolean stable(Footprint fp, int ids, int tasks) {
        for (int x = 0; x < fp.size(); x++) {
            int o = fp.object(x);
            int task = o >= 0 || o > -100 ? -1 // an object, or a counter or the clock
                    : o > -(1 << 24) ? -100 - o
                    : o > -(2 << 24) ? -(1 << 24) - o
                    : o > -(3 << 24) ? -(2 << 24) - o
                    : -(3 << 24) - o;
            if (o >= 0 ? o >= ids : task >= tasks) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a step with footprint {@code a} depends on the reversed step {@code r}, whose footprint
     * where the reversal puts it is not known yet: an operation that only observed an object (a
     * failed trylock, a wait that found nothing) may change it there, so its observations count as
     * changes; commutative updates stay commutative (they are counter updates whatever the order).
     */
    static boolean dependentOnReversed(Footprint a, Footprint r) {
        if (Footprint.dependent(a, r) || r.observesAllMemory() || a.observesAllMemory()) {
            return true;
        }
        for (int x = 0; x < r.size(); x++) {
            int y = a.indexOf(r.object(x));
            if (y >= 0 && r.mode(x) == Footprint.OBSERVE && a.mode(y) != Footprint.MODIFY) {
                return true; // r's observation may be a change there; a's own change conflicts already
            }
        }
        return false;
    }
}
