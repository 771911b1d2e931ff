package dev.whylock.engine.analysis;

import java.util.List;

/**
 * The lockdep view of all explored executions: lock classes, the dependency edges between them
 * (including flush_work/cancel_work_sync dependencies) and the cycles.
 *
 * @param executions             how many executions were observed
 * @param deadlockedExecutions   how many of them actually ended in a deadlock
 * @param lockClasses            every lock class taken, sorted
 * @param edges                  sorted by held class, then acquired class
 * @param cycles                 the elementary cycles found, shortest first
 */
public record LockOrderReport(long executions, long deadlockedExecutions, List<String> lockClasses,
        List<LockOrderEdge> edges, List<LockCycle> cycles) {

    public LockOrderReport {
        lockClasses = List.copyOf(lockClasses);
        edges = List.copyOf(edges);
        cycles = List.copyOf(cycles);
    }
}
