package dev.whylock.engine.analysis;

import dev.whylock.engine.Field;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.ExecutionOutcome.TaskInfo;
import dev.whylock.engine.exec.Footprint;
import dev.whylock.engine.exec.Op;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Happens-before over one execution's log as vector clocks: program order, task creation, join,
 * lock release to acquire, work queue to start, work finish to flush / cancel_work_sync / settle,
 * complete to wait_for_completion, between accesses of a {@link Field.Kind#VOLATILE} field, and
 * for the Java primitives: a wait releases its monitor and the wake-up takes it back, read holds release to the next writer, and the other operations
 * (semaphores, latches, barriers, park/unpark, interrupts) synchronise through the objects in
 * their footprint: each joins what earlier operations on those objects left there, and each that
 * changes an object leaves its own clock there, and in the timed mode the passing of time: everything
 * before a tick of the clock happens before everything after it.
 */
final class VectorClocks {

    /*
     * Every operation ticks its task's own component, so an access is identified by the epoch
     * (task, own clock after the tick); it happens before a later operation of task u iff u's
     * clock has caught up with that epoch. Sync objects accumulate the clocks of all their
     * releasing operations so far, which can only add ordering: it avoids false races, at the
     * price of missing a race between a flusher and a later run of the item that finished before
     * the flusher was scheduled again.
     *
     * Time (timed mode): the clock ticks only when no task can do anything at the current time, and
     * code between operations takes no time, so every operation before a tick completed at least a
     * millisecond of virtual time before any operation after it. Two accesses that far apart cannot
     * be concurrent (KCSAN, which this analysis stands in for, watches for accesses that overlap in
     * time), so a tick joins every task's clock and each later operation starts from that join.
     */

    private final int[][] clock;
    private final List<TaskInfo> tasks;
    private int created;
    private final Map<Integer, int[]> locks = new HashMap<>();
    private final Map<Integer, int[]> queued = new HashMap<>();
    private final Map<Integer, int[]> finished = new HashMap<>();
    private final Map<Integer, int[]> completions = new HashMap<>();
    private final Map<Integer, int[]> volatiles = new HashMap<>();
    private final Map<Integer, int[]> syncObjects = new HashMap<>();
    /** The join of every clock at the last tick of virtual time, or null before the first. */
    private int[] barrier;

    VectorClocks(ExecutionOutcome outcome) {
        this.tasks = outcome.tasks();
        this.clock = new int[tasks.size()][];
    }

    /** Advances over operation {@code index} of the log; call for every operation in order. */
    void apply(int index, Op op) {
        while (created < tasks.size() && tasks.get(created).createdAfter() <= index) {
            TaskInfo ti = tasks.get(created);
            clock[created] = ti.parent() < 0 || clock[ti.parent()] == null
                    ? new int[tasks.size()] : clock[ti.parent()].clone();
            created++;
        }
        int t = op.task();
        int[] c = clock[t];
        join(c, barrier);
        c[t]++;
        int loc = location(op);
        switch (op.kind()) {
            case ACQUIRE, TRYLOCK, WAKE, READ_LOCK -> {
                if (op.lock() != null) {
                    join(c, locks.get(op.lock().id()));
                }
            }
            case RELEASE, WAIT -> {
                if (op.lock() != null) {
                    locks.put(op.lock().id(), c.clone());
                }
            }
            case READ_UNLOCK -> {
                if (op.lock() != null) {
                    accumulate(locks, op.lock().id(), c);
                }
            }
            case WORK_QUEUE, WORK_MODIFY -> accumulate(queued, loc, c);
            case WORK_START -> join(c, queued.get(loc));
            case WORK_FINISH -> accumulate(finished, loc, c);
            case WORK_FLUSH, WORK_WAIT -> join(c, finished.get(loc));
            case WORK_CANCEL -> {
                if (Boolean.TRUE.equals(op.arg())) {
                    join(c, finished.get(loc));
                }
            }
            case SETTLE -> {
                for (int[] f : finished.values()) {
                    join(c, f);
                }
            }
            case READ, WRITE -> {
                // A volatile access acquires and releases: conservative (a plain volatile write
                // does not acquire in the JMM), so it can hide a race but never invent one.
                // An ordered access of a plain field (a Java VarHandle's volatile modes) does the same.
                if (op.target() instanceof Field<?> f && op.ordered()) {
                    join(c, volatiles.get(f.id()));
                    accumulate(volatiles, f.id(), c);
                }
            }
            case COMPLETE -> accumulate(completions, loc, c);
            case WAIT_COMPLETION -> join(c, completions.get(loc));
            case JOIN -> {
                if (loc >= 0 && loc < clock.length && clock[loc] != null) {
                    join(c, clock[loc]);
                }
            }
            case TICK -> {
                barrier = c.clone();
                for (int[] other : clock) {
                    join(barrier, other);
                }
            }
            default -> {
                if (op.kind().javaSync()) {
                    throughFootprint(op.footprint(), c);
                }
            }
        }
    }

    /** Joins what earlier operations left on the objects of {@code fp}, and leaves {@code c} on those it changes. */
    private void throughFootprint(Footprint fp, int[] c) {
        for (int i = 0; i < fp.size(); i++) {
            if (synchronising(fp.object(i))) {
                join(c, syncObjects.get(fp.object(i)));
            }
        }
        for (int i = 0; i < fp.size(); i++) {
            if (fp.mode(i) != Footprint.OBSERVE && synchronising(fp.object(i))) {
                accumulate(syncObjects, fp.object(i), c);
            }
        }
    }

    /** Objects, task liveness, interrupt flags and permits; not the clock, the counters or timers, which order nothing between tasks. */
    private static boolean synchronising(int object) {
        return object >= 0 || (object <= Footprint.taskObject(0) && object > Footprint.timerObject(0));
    }

    /** The id of the work item, completion or task an operation is on, or -1. */
    private static int location(Op op) {
        Object t = op.target();
        if (t instanceof dev.whylock.engine.Work w) {
            return w.id();
        }
        if (t instanceof dev.whylock.engine.Completion c) {
            return c.id();
        }
        if (t instanceof dev.whylock.engine.Task k) {
            return k.id();
        }
        return -1;
    }

    /** Task {@code t}'s own clock component (the epoch of its last applied operation). */
    int own(int t) {
        return clock[t][t];
    }

    /** Whether task {@code u}'s operation with own clock {@code epoch} happens before task {@code t}'s current point. */
    boolean ordered(int u, int epoch, int t) {
        return u == t || clock[t][u] >= epoch;
    }

    private static void accumulate(Map<Integer, int[]> m, int loc, int[] c) {
        int[] old = m.get(loc);
        if (old == null) {
            m.put(loc, c.clone());
        } else {
            join(old, c);
        }
    }

    private static void join(int[] into, int[] from) {
        if (from == null) {
            return;
        }
        for (int i = 0; i < into.length && i < from.length; i++) {
            into[i] = Math.max(into[i], from[i]);
        }
    }

    @Override
    public String toString() {
        return Arrays.deepToString(clock);
    }
}
