package dev.whylock.engine.exec;

import dev.whylock.engine.Work;

/** The state of one work item: pending (possibly as a timer with a deadline), running, and its run generations. */
final class WorkState {
    final Work work;
    boolean pending;
    boolean running;
    /** cancel_work_sync callers waiting for the running instance; while any waits, queueing fails. */
    int cancelers;
    /** Generation of the last queueing (each idle-to-pending transition starts a new one). */
    long queuedGen;
    long startedGen;
    /** Every generation up to this one has finished or was cancelled before it started. */
    long doneGen;
    /** A pending generation cancelled while an older one still ran: it resolves when that run finishes. */
    long cancelledGen;
    long deadline;
    /** Whether the pending arming had a delay (its start may advance the virtual clock). */
    boolean delayed;
    long armSeq;
    int starts;
    TaskState worker;

    WorkState(Work work) {
        this.work = work;
    }

    /** The generation a flush issued now must wait for, or -1 when the item is idle. */
    long flushTarget() {
        return pending ? queuedGen : running ? startedGen : -1;
    }

    /** Pending or running: counted in {@link Footprint#BUSY}. */
    boolean busy() {
        return pending || running;
    }

    /** The state DPOR needs to judge whether a blocked start or wait could have run earlier. */
    Snapshot snapshot() {
        return new Snapshot(pending, doneGen);
    }

    /** An immutable copy of the parts of a work item's state that enable its start and its waits. */
    record Snapshot(boolean pending, long doneGen) {}
}
