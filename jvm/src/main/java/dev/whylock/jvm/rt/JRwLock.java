package dev.whylock.jvm.rt;

import dev.whylock.engine.ReadWriteLock;
import java.util.HashMap;
import java.util.Map;

/**
 * A ReentrantReadWriteLock as the runtime models it: the engine's read-write lock named after the
 * Java object (readers and writer, reentrancy, downgrading, lock experiments are the engine's), and
 * each task's own read and write hold counts, which only that task changes, for the JDK's local
 * queries ({@code getReadHoldCount}, {@code isWriteLockedByCurrentThread}) and for unlocking a
 * mode the task does not hold.
 */
final class JRwLock {
    final String name;
    final ReadWriteLock lock;
    private final Map<TaskCtx, int[]> holds = new HashMap<>();

    JRwLock(String name, ReadWriteLock lock) {
        this.name = name;
        this.lock = lock;
    }

    int holds(TaskCtx t, boolean write) {
        int[] h = holds.get(t);
        return h == null ? 0 : h[write ? 1 : 0];
    }

    void add(TaskCtx t, boolean write, int delta) {
        holds.computeIfAbsent(t, k -> new int[2])[write ? 1 : 0] += delta;
    }

    @Override
    public String toString() {
        return name;
    }
}
