package dev.whylock.linux.kernel;

/** {@code struct delayed_work} (INIT_DELAYED_WORK): a work item behind a timer in virtual time. */
public class DelayedWork extends WorkStruct {

    /** INIT_DELAYED_WORK(dwork, func). */
    public DelayedWork(String func, String context, Runnable fn) {
        super(func, context, fn);
    }
}
