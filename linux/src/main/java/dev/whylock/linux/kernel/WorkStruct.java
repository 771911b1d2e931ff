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
    private boolean held_back;
    private long held_back_delay = -1;
    private int runs;

    /** INIT_WORK(work, func): {@code func} is the kernel function name, {@code context} its background context. */
    public WorkStruct(String func, String context, Runnable fn) {
        this.func = func;
        this.context = context;
        this.work = Env.current().work(func, () -> {
            runs++;
            fn.run();
        });
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
        return held_back;
    }

    boolean admit() {
        return admit(0);
    }

    /** Whether a queue request with {@code delayMillis} may go ahead; otherwise remembers it. */
    boolean admit(long delayMillis) {
        Kernel k = Kernel.get();
        // During setup, settle would never finish if a periodic item could re-arm itself.
        boolean selfRearm = k.phase() == Kernel.Phase.SETUP && Kernel.PERIODIC.contains(context)
                && dev.whylock.engine.Env.current().taskName().equals("kworker:" + func);
        if (!selfRearm && k.admit(context)) {
            return true;
        }
        held_back = true;
        held_back_delay = held_back_delay < 0 ? delayMillis : Math.min(held_back_delay, delayMillis);
        return false;
    }

    /** How often the item has started so far in this execution. */
    public int runs() {
        return runs;
    }

    void holdBack() {
        work.cancel("held back: " + context + " is not a background context of this scenario");
        held_back = true;
    }

    /** At the start of the race: re-issues a request held back during setup (a setup step). */
    void resumeHeldBack() {
        if (held_back_delay >= 0) {
            long d = held_back_delay;
            held_back_delay = -1;
            held_back = false;
            if (Kernel.get().admit(context)) {
                work.queueDelayed(d, "held back during setup");
            }
        }
    }

    @Override
    public String toString() {
        return func;
    }
}
