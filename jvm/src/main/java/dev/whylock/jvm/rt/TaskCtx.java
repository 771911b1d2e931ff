package dev.whylock.jvm.rt;

import dev.whylock.engine.Task;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One Java thread as the runtime sees it: the engine task that runs it (which carries its interrupt
 * status, park permit and held locks), the {@link Thread} object the program sees, its end (for
 * isAlive) and its thread-local values.
 */
final class TaskCtx {

    final String name;
    final Thread thread;
    /** The engine task (joins, interrupts, park/unpark); null until the thread starts. */
    Task task;
    /** 1 once the task has finished, for isAlive. */
    final WaitQueue end;
    final Map<ThreadLocal<?>, Object> locals = new IdentityHashMap<>();
    final Map<String, Integer> counters = new HashMap<>();
    /** Sequential number of the task in its execution, for deterministic identities. */
    final int serial;
    long ticks;
    int identities;
    java.util.Random random;

    TaskCtx(JvmRuntime rt, String name, Thread thread, int serial) {
        this.name = name;
        this.thread = thread;
        this.serial = serial;
        this.end = new WaitQueue(rt.env, name + ".finished", 0, "");
    }

    @Override
    public String toString() {
        return name;
    }
}
