package dev.whylock.jvm.rt;

import dev.whylock.engine.Task;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One Java thread as the runtime sees it: the engine task that runs it, the {@link Thread} object
 * the program sees, its interrupt status, its end (for timed joins and isAlive), its park permit,
 * the locks it holds and its thread-local values.
 */
final class TaskCtx {

    /** One acquisition of a lock, as the experiments see it (the engine acquisition it made, if any). */
    record Hold(String site, InterimPrimitives.Mode mode, boolean engine) {}

    final String name;
    final Thread thread;
    /** The engine task, for joins; null for main and pool workers. */
    Task task;
    /** 1 while interrupted; its waiter is the wait an interrupt must end. */
    final WaitQueue interrupt;
    /**
     * 1 once the task has finished; timed joiners wait here, and so does the task itself while it
     * sleeps (only its timer or an interrupt can take it out: it cannot finish while asleep).
     */
    final WaitQueue end;
    /** LockSupport's permit (0 or 1); park waits here. */
    final WaitQueue permit;
    final Map<Object, ArrayDeque<Hold>> holds = new IdentityHashMap<>();
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
        this.interrupt = new WaitQueue(rt.env, name + ".interrupted", 0, "");
        this.end = new WaitQueue(rt.env, name + ".finished", 0, "");
        this.permit = new WaitQueue(rt.env, name + ".permit", 0, "");
    }

    ArrayDeque<Hold> holds(Object lock) {
        return holds.computeIfAbsent(lock, k -> new ArrayDeque<>());
    }

    boolean holding(Object lock) {
        ArrayDeque<Hold> h = holds.get(lock);
        return h != null && !h.isEmpty();
    }

    @Override
    public String toString() {
        return name;
    }
}
