package dev.whylock.engine;

/**
 * A deferred function: a work_struct, a delayed_work, a timer_list or a threaded IRQ handler.
 *
 * <p>A work item is idle, pending (queued, possibly with a timer), or running; it never runs
 * concurrently with itself, and queueing it while it runs makes it run once more afterwards. In the
 * default untimed mode a pending item may start at any later step; in ordered mode timers start in
 * deadline order.
 */
public final class Work {
    private final ExecutionRuntime rt;
    private final String name;
    private final Runnable fn;
    private final int id;
    private int maxRuns = Integer.MAX_VALUE;

    /** Engine internal: use {@link Env#work(String, Runnable)}. */
    public Work(ExecutionRuntime rt, String name, Runnable fn, int id) {
        this.rt = rt;
        this.name = name;
        this.fn = fn;
        this.id = id;
    }

    /** queue_work: returns false if it was already pending. */
    public boolean queue(String site) {
        return rt.queue(this, 0, site);
    }

    /** queue_delayed_work / add_timer: returns false if it was already pending. */
    public boolean queueDelayed(long delayMillis, String site) {
        return rt.queue(this, delayMillis, site);
    }

    /** mod_delayed_work / mod_timer: (re)arms with a new delay; returns whether it was pending. */
    public boolean modify(long delayMillis, String site) {
        return rt.modify(this, delayMillis, site);
    }

    /** cancel_work / cancel_delayed_work / del_timer: returns whether it was pending. */
    public boolean cancel(String site) {
        return rt.cancel(this, false, site);
    }

    /** cancel_work_sync / cancel_delayed_work_sync / del_timer_sync: also waits until it is not running. */
    public boolean cancelSync(String site) {
        return rt.cancel(this, true, site);
    }

    /** flush_work: waits until the last queued run has finished. */
    public void flush(String site) {
        rt.flush(this, site);
    }

    /** work_pending / timer_pending. */
    public boolean isPending(String site) {
        return rt.pending(this, site);
    }

    /**
     * Bounds how often this item may start in one execution (for self-re-arming polls); queueing it
     * beyond the bound is ignored and the result says the exploration was bounded.
     */
    public Work maxRuns(int runs) {
        this.maxRuns = runs;
        return this;
    }

    public int maxRuns() {
        return maxRuns;
    }

    public String name() {
        return name;
    }

    public int id() {
        return id;
    }

    /** Engine internal: the function the item runs. */
    public Runnable fn() {
        return fn;
    }

    @Override
    public String toString() {
        return name;
    }
}
