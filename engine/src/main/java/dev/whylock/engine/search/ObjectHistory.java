package dev.whylock.engine.search;

import dev.whylock.engine.exec.Footprint;
import java.util.Arrays;

/**
 * The steps that touched one object, in execution order, with the mode of each touch; for a
 * counter also the positions of its observations and of its other touches, since an update
 * depends only on the (few) observations and an observation on every update.
 */
final class ObjectHistory {
    int[] steps = new int[8];
    byte[] modes = new byte[8];
    int size;
    /** Positions of the observations: a counter's only (read by {@link #conflicting}), null for other objects. */
    private final IntList observations;
    final IntList changes = new IntList();

    /** The history of a counter ({@code counter}: observations are indexed too) or of another object. */
    ObjectHistory(boolean counter) {
        observations = counter ? new IntList() : null;
    }

    void add(int step, byte mode) {
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, size * 2);
            modes = Arrays.copyOf(modes, size * 2);
        }
        if (mode != Footprint.OBSERVE) {
            changes.add(size);
        } else if (observations != null) {
            observations.add(size);
        }
        steps[size] = step;
        modes[size] = mode;
        size++;
    }

    /** For a counter access in {@code mode}: the positions it may conflict with (null: every position). */
    IntList conflicting(byte mode) {
        if (observations == null) {
            throw new IllegalStateException("not a counter's history");
        }
        return mode == Footprint.ADD ? observations : mode == Footprint.OBSERVE ? changes : null;
    }

    /** A growable list of ints. */
    static final class IntList {
        int[] items;
        int size;

        IntList() {
            items = new int[8];
        }

        void add(int v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }
    }
}
