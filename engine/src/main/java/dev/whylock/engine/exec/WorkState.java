package dev.whylock.engine.exec;

import dev.whylock.engine.Work;

/** The state of one work item: pending (possibly as a timer with a deadline), running, and its run generations. */
final class WorkState {
    final Work work;
    boolean pending;
    boolean running;
    long queuedGen;
    long startedGen;
    long doneGen;
    long deadline;
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
}
