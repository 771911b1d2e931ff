package dev.whylock.linux.kernel;

/**
 * kernel/workqueue.c: queueing, flushing and cancelling work items. All workqueues
 * ({@code system_wq}, {@code system_power_efficient_wq}, ...) behave alike in the model: any pending
 * item may start whenever the scheduler chooses (untimed) or in deadline order (ordered timing).
 */
public final class Workqueue {
    private Workqueue() {}

    /** queue_work() / schedule_work(): false if already pending or held back. */
    public static boolean queueWork(WorkStruct work, String site) {
        if (!work.admit()) {
            return false;
        }
        return work.work().queue(site);
    }

    /** flush_work(): waits until the last queued run has finished (a held-back item returns at once). */
    public static boolean flushWork(WorkStruct work, String site) {
        work.work().flush(site);
        return true;
    }

    /** cancel_work_sync(): removes a pending run and waits for a running one. */
    public static boolean cancelWorkSync(WorkStruct work, String site) {
        return work.work().cancelSync(site);
    }

    /** queue_delayed_work(): arms the timer unless already pending. */
    public static boolean queueDelayedWork(DelayedWork dwork, long delayMillis, String site) {
        if (!dwork.admit(delayMillis)) {
            return false;
        }
        return dwork.work().queueDelayed(delayMillis, site);
    }

    /** mod_delayed_work(): (re)arms with a new delay; returns whether it was pending. */
    public static boolean modDelayedWork(DelayedWork dwork, long delayMillis, String site) {
        if (!dwork.admit(delayMillis)) {
            return false;
        }
        return dwork.work().modify(delayMillis, site);
    }

    /** cancel_delayed_work(): removes a pending run, does not wait. */
    public static boolean cancelDelayedWork(DelayedWork dwork, String site) {
        return dwork.work().cancel(site);
    }

    /** cancel_delayed_work_sync(): removes a pending run and waits for a running one. */
    public static boolean cancelDelayedWorkSync(DelayedWork dwork, String site) {
        return dwork.work().cancelSync(site);
    }

    /** work_pending() / delayed_work_pending(). */
    public static boolean workPending(WorkStruct work, String site) {
        return work.work().isPending(site);
    }
}
