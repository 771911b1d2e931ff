package dev.whylock.jvm.rt;

import dev.whylock.engine.Latch;

/**
 * A task blocked in one wait: it waits on its own engine latch, and whoever removes it from the
 * {@link WaitQueue} it waits in (a notify, a timeout, an interrupt, a release) owns its wake-up
 * and says why, so exactly one of them wakes it.
 */
final class Waiter {

    enum Reason { SIGNALLED, TIMEOUT, INTERRUPTED }

    final TaskCtx who;
    final Latch wake;
    final WaitQueue queue;
    /** Set by the waker before it counts {@link #wake} down; read by the waiter after it woke (ordered by the latch). */
    Reason reason = Reason.SIGNALLED;

    Waiter(TaskCtx who, Latch wake, WaitQueue queue) {
        this.who = who;
        this.wake = wake;
        this.queue = queue;
    }

    /** Wakes the waiter; only its owner (who removed it from its queue) may call this. */
    void wake(Reason why, String site) {
        reason = why;
        wake.countDown(site);
    }

    @Override
    public String toString() {
        return who.name;
    }
}
