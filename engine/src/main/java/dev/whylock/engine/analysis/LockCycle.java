package dev.whylock.engine.analysis;

import java.util.List;

/**
 * A cycle in the lock-order graph: a potential deadlock even if no explored execution deadlocked.
 *
 * @param locks      the lock classes around the cycle, starting with the smallest name
 * @param edges      the edges {@code locks[i] -> locks[i+1]} (the last one closes the cycle)
 * @param gateLocks  lock classes held at every witness of every edge of the cycle, sorted; when not
 *                   empty they serialise all the paths, so the cycle cannot deadlock
 * @param scenario   the lockdep-style CPU0/CPU1 lines, built from the first witness of each edge
 */
public record LockCycle(List<String> locks, List<LockOrderEdge> edges, List<String> gateLocks, List<ScenarioLine> scenario) {

    public LockCycle {
        locks = List.copyOf(locks);
        edges = List.copyOf(edges);
        gateLocks = List.copyOf(gateLocks);
        scenario = List.copyOf(scenario);
    }

    /** Whether the cycle can deadlock (no gate lock serialises it). */
    public boolean deadlockPossible() {
        return gateLocks.isEmpty();
    }
}
