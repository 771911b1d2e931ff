package dev.whylock.linux.kernel;

import dev.whylock.engine.Env;
import dev.whylock.engine.Work;

/**
 * {@code struct work_struct} (INIT_WORK): a deferred function on a workqueue, run by a kworker.
 * It belongs to a background context (see {@link Kernel}) that decides whether it may run.
 */
public class WorkStruct {
    private final String func;
    private final String context;
    private final Work work;
    private boolean heldBack;

    /** INIT_WORK(work, func): {@code func} is the kernel function name, {@code context} its background context. */
    public WorkStruct(String func, String context, Runnable fn) {
        this.func = func;
        this.context = context;
        this.work = Env.current().work(func, fn);
        Kernel.get().register(this);
    }

    /** The kernel function the item runs. */
    public String func() {
        return func;
    }

    /** The background context, e.g. {@code sfp_timeout}. */
    public String context() {
        return context;
    }

    /** The engine work item. */
    public Work work() {
        return work;
    }

    /** Whether a queue request was held back because the context may not run. */
    public boolean heldBack() {
        return heldBack;
    }

    boolean admit() {
        if (Kernel.get().admit(context)) {
            return true;
        }
        heldBack = true;
        return false;
    }

    void holdBack() {
        work.cancel("held back: " + context + " is not a background context of this scenario");
        heldBack = true;
    }

    @Override
    public String toString() {
        return func;
    }
}
