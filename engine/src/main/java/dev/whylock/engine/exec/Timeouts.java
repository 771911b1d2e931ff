package dev.whylock.engine.exec;

import dev.whylock.engine.Work;

/**
 * The one place where the timeouts of timed waits (sleep, wait and await with a timeout, timed
 * tryLock, tryAcquire and parkNanos) meet the timer machinery. Each task has one timer, a work item
 * without a worker ({@link Footprint#timerObject}) kept in the {@link WorkTable} with the other
 * timers, so the timing mode governs it through {@link Execution#timerDue}: untimed, it may expire
 * at any later step; ordered, only when no armed timer has an earlier deadline; timed, once virtual
 * time ({@link Footprint#TIME}) has reached its deadline, the clock task's tick moving time there
 * when nothing else can run ({@link Execution#nextDeadline}). The task's own wake-up step expires it,
 * untimed and ordered advancing the virtual clock to its deadline as a timer's start does.
 * Timers of waits do not count as busy work: settle and the invariant check do not wait for them.
 */
final class Timeouts {
    private Timeouts() {}

    /** The task's timer, created and registered on first use. */
    static WorkState timer(Execution x, TaskState t) {
        SyncTable.PerTask p = x.sync().task(t.id);
        if (p.timer == null) {
            p.timer = x.works().add(new Work(x, "timeout:" + t.name, null, Footprint.timerObject(t.id)));
        }
        return p.timer;
    }

    /** Arms the task's timer to expire {@code millis} from now. */
    static void arm(Execution x, TaskState t, long millis, Footprint.Builder fp) {
        WorkState ws = timer(x, t);
        fp.modify(ws.work.id(), ws.snapshot());
        if (millis > 0 || x.timed()) {
            TimeActions.observe(x, fp);
        }
        if (x.orderedTimers()) {
            fp.modify(Footprint.TIMERS, x.works().timers());
        }
        ws.deadline = x.clock() + Math.max(0, millis);
        ws.delayed = millis > 0;
        ws.armSeq = x.works().nextArmSeq();
        ws.pending = true;
    }

    /** Whether the task's timer is armed and may expire now (the timing mode decides). */
    static boolean due(Execution x, TaskState t) {
        WorkState ws = x.sync().task(t.id).timer;
        return ws != null && ws.pending && x.timerDue(ws);
    }

    /** Expires the task's armed timer: the wait ends by its timeout. */
    static void expire(Execution x, TaskState t, Footprint.Builder fp) {
        WorkState ws = timer(x, t);
        stop(x, ws, fp);
        if (x.timed()) {
            fp.observe(Footprint.TIME, x.clock()); // it could expire only once time had reached its deadline
        } else if (ws.delayed) {
            x.advanceClock(ws.deadline, fp);
        }
    }

    /** Disarms the task's timer, if armed: the wait ended otherwise. */
    static void disarm(Execution x, TaskState t, Footprint.Builder fp) {
        WorkState ws = x.sync().task(t.id).timer;
        if (ws != null && ws.pending) {
            stop(x, ws, fp);
        }
    }

    private static void stop(Execution x, WorkState ws, Footprint.Builder fp) {
        fp.modify(ws.work.id(), ws.snapshot());
        if (x.orderedTimers()) {
            fp.modify(Footprint.TIMERS, x.works().timers());
        }
        ws.pending = false;
    }

    /** What a wait that may expire its timer may touch while pending. */
    static void pendingFootprint(Execution x, TaskState t, Footprint.Builder b) {
        b.modify(Footprint.timerObject(t.id));
        if (x.timed()) {
            b.observe(Footprint.TIME);
        } else {
            b.add(Footprint.CLOCK, 0, 0);
        }
        if (x.orderedTimers()) {
            b.modify(Footprint.TIMERS);
        }
    }

    /**
     * Whether the timer of {@code task} could expire where the armed timers were as {@code stateBefore}
     * recorded for {@link Footprint#TIMERS}: armed and earliest.
     */
    static boolean dueIn(Object stateBefore, int task) {
        return ((WorkTable.Timers) stateBefore).due(Footprint.timerObject(task));
    }
}
