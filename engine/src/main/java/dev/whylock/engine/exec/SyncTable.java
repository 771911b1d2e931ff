package dev.whylock.engine.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of the Java synchronisation objects of one execution (monitors, conditions,
 * semaphores, latches, barriers, read-write locks), by object id, and each task's own
 * synchronisation state: its interrupt flag, park permit, timeout timer and spurious wake-ups.
 */
final class SyncTable {

    /** One task's synchronisation state. */
    static final class PerTask {
        /** The interrupt flag ({@link Footprint#interruptObject}). */
        boolean interrupted;
        /** The park permit ({@link Footprint#permitObject}). */
        boolean permit;
        /** The timer of its timed waits, created on first use ({@link Footprint#timerObject}). */
        WorkState timer;
        /** Spurious wake-ups so far (private to the task: no footprint). */
        int spurious;
        /** The condition whose wait set it is in, or null. */
        ConditionActions.State waitingOn;
    }

    private final Map<Integer, Object> objects = new HashMap<>();
    private final List<PerTask> tasks = new ArrayList<>();

    void put(int id, Object state) {
        objects.put(id, state);
    }

    @SuppressWarnings("unchecked")
    <T> T get(int id) {
        return (T) objects.get(id);
    }

    /** Task {@code id}'s timer, or null when it never waited with a timeout. */
    WorkState timerOf(int id) {
        return id < tasks.size() ? tasks.get(id).timer : null;
    }

    PerTask task(int id) {
        while (tasks.size() <= id) {
            tasks.add(new PerTask());
        }
        return tasks.get(id);
    }
}
