package dev.whylock.engine;

/**
 * A wait set of a {@link Monitor}: {@code java.util.concurrent.locks.Condition}, or the monitor's
 * own wait set for {@code Object.wait}/{@code notify}. {@link #await} releases every hold of the
 * monitor, waits until signalled (or interrupted, or timed out), and takes the monitor back with
 * the same hold count. {@link #signal} wakes one waiter; which one is a choice the search explores.
 */
public final class Condition {
    private final SyncRuntime rt;
    private final Monitor monitor;
    private final String name;
    private final int id;
    private int spuriousWakeups;

    /** Engine internal: use {@link Monitor#newCondition(String)}. */
    public Condition(SyncRuntime rt, Monitor monitor, String name, int id) {
        this.rt = rt;
        this.monitor = monitor;
        this.name = name;
        this.id = id;
    }

    /** {@code await()} / {@code Object.wait()}. */
    public void await(String site) throws InterruptedException {
        rt.await(this, -1, site);
    }

    /** {@code await(time, unit)} / {@code Object.wait(ms)}: false when the timeout ended the wait. */
    public boolean await(long timeoutMillis, String site) throws InterruptedException {
        return rt.await(this, Math.max(0, timeoutMillis), site);
    }

    /** {@code signal()} / {@code Object.notify()}: wakes one waiter, if any. */
    public void signal(String site) {
        rt.signal(this, false, site);
    }

    /** {@code signalAll()} / {@code Object.notifyAll()}. */
    public void signalAll(String site) {
        rt.signal(this, true, site);
    }

    /**
     * Lets a task waiting on this condition (untimed) wake up spuriously, without a signal, as long as
     * it has had fewer than {@code perTask} spurious wake-ups in the execution (counted over all
     * conditions); a wait that could have had one more makes the result say the search was bounded.
     */
    public Condition spuriousWakeups(int perTask) {
        this.spuriousWakeups = perTask;
        return this;
    }

    public int spuriousWakeups() {
        return spuriousWakeups;
    }

    public Monitor monitor() {
        return monitor;
    }

    public String name() {
        return name;
    }

    public int id() {
        return id;
    }

    @Override
    public String toString() {
        return name;
    }
}
