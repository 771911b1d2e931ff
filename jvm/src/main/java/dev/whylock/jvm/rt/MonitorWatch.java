package dev.whylock.jvm.rt;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.function.Consumer;

/**
 * Notices an execution that can never go on, so that it is reported instead of hanging: a task
 * blocked on a JVM monitor that JDK code took in another task, which was then switched away from
 * while still inside that code (a synchronized collection's {@code forEach} calling back into the
 * program, which reached a scheduling point). The program's own monitors are the engine's, so this
 * can only be a monitor taken inside JDK code; whylock does not control those yet.
 *
 * <p>A daemon thread samples the active execution's task threads every {@value #PERIOD_MILLIS} ms;
 * one blocked in {@value #SAMPLES} samples in a row on a monitor that no running thread owns is
 * stuck, and the handler is told once, in words. It watches only after {@link #onStuck} gave it a handler.
 */
public final class MonitorWatch {
    private MonitorWatch() {}

    static final long PERIOD_MILLIS = 250;
    static final int SAMPLES = 6;

    private static volatile Consumer<String> handler;
    private static Thread watcher;

    /** Starts watching; {@code h} gets the description of the first stuck execution (and nothing after it). */
    public static synchronized void onStuck(Consumer<String> h) {
        handler = h;
        if (watcher == null) {
            watcher = new Thread(MonitorWatch::watch, "whylock-monitor-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private static void watch() {
        Thread last = null;
        int seen = 0;
        while (true) {
            try {
                Thread.sleep(PERIOD_MILLIS); // real time: a watchdog of the tool, not part of any execution
            } catch (InterruptedException e) {
                return;
            }
            JvmRuntime rt = JvmRuntime.active();
            Thread blocked = rt == null ? null : rt.taskThreads().stream()
                    .filter(t -> t.getState() == Thread.State.BLOCKED && (ownerless(t) || ownedByTask(t, rt.taskThreads())))
                    .findFirst().orElse(null);
            seen = blocked != null && blocked == last ? seen + 1 : blocked != null ? 1 : 0;
            last = blocked;
            Consumer<String> h = handler;
            if (seen >= SAMPLES && h != null) {
                handler = null;
                h.accept(describe(blocked));
                return;
            }
        }
    }

    /**
     * Whether no running thread owns the monitor {@code t} waits for: the owner is a task switched
     * away (a suspended continuation, or {@code t}'s own carrier). A monitor another live thread
     * holds is ordinary contention, which ends by itself.
     */
    static boolean ownerless(Thread t) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(t.threadId());
        return info != null && (info.getLockOwnerId() == -1 || info.getLockOwnerId() == t.threadId());
    }

    /**
     * Whether the monitor {@code t} waits for is held by another of the execution's task threads:
     * on the thread backend only the task the engine chose runs, so the holder is parked until the
     * engine chooses it, which it will not do while {@code t} has not reached its next operation.
     */
    static boolean ownedByTask(Thread t, java.util.Set<Thread> tasks) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(t.threadId());
        if (info == null || info.getLockOwnerId() == -1 || info.getLockOwnerId() == t.threadId()) {
            return false;
        }
        return tasks.stream().anyMatch(o -> o.threadId() == info.getLockOwnerId());
    }

    static String describe(Thread t) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(t.threadId());
        String lock = info == null || info.getLockName() == null ? null : info.getLockName().replaceAll("@[0-9a-f]+$", "");
        StackTraceElement[] stack = t.getStackTrace();
        String where = stack.length == 0 ? null : stack[0].getClassName() + "." + stack[0].getMethodName();
        return "the program cannot go on: a task waits for the JVM monitor " + (lock != null ? "of " + lock : "")
                + (where != null ? (lock != null ? " " : "") + "taken by " + where : "") + ", which JDK code took in another "
                + "task that was then switched away from inside that code (JDK code that holds a monitor while it calls back into "
                + "the program, such as a synchronized collection's forEach, is not controlled by whylock yet)";
    }
}
