package dev.whylock.linux.kernel;

/**
 * A threaded interrupt (request_threaded_irq with a NULL hard handler and IRQF_ONESHOT): the
 * hardware raises it, and the handler thread runs it later, may sleep, and never runs concurrently
 * with itself; a raise while it runs makes it run once more.
 */
public final class Irq {
    private final String name;
    private final WorkStruct thread;
    private boolean enabled = true;

    private Irq(String name, String context, Runnable threadFn) {
        this.name = name;
        this.thread = new WorkStruct(name, context, threadFn);
    }

    /** request_threaded_irq(irq, NULL, thread_fn, IRQF_ONESHOT, name, data). */
    public static Irq requestThreadedIrq(String name, String context, Runnable threadFn) {
        return new Irq(name, context, threadFn);
    }

    /** The hardware asserts the line: wakes the handler thread unless the IRQ is freed or disabled. */
    public boolean raise(String site) {
        if (!enabled) {
            return false;
        }
        return Workqueue.queueWork(thread, site);
    }

    /** free_irq() / devm_free_irq(): no further raises; waits for a running handler (synchronize_irq). */
    public void freeIrq(String site) {
        enabled = false;
        thread.work().cancelSync(site);
    }

    public String name() {
        return name;
    }

    /** The handler thread as a work item. */
    public WorkStruct thread() {
        return thread;
    }
}
