package dev.whylock.linux.kernel;

/**
 * {@code struct timer_list} (timer_setup): a function run when a virtual-time deadline passes.
 * The model runs timer callbacks like delayed work; they may not sleep in the kernel, and model
 * timer functions take no mutex.
 */
public final class TimerList extends WorkStruct {

    /** timer_setup(timer, func, 0). */
    public TimerList(String func, String context, Runnable fn) {
        super(func, context, fn);
    }

    /** mod_timer(): (re)arms with an expiry {@code delayMillis} from now. */
    public boolean modTimer(long delayMillis, String site) {
        if (!admit(delayMillis)) {
            return false;
        }
        return work().modify(delayMillis, site);
    }

    /** del_timer(). */
    public boolean delTimer(String site) {
        return work().cancel(site);
    }

    /** del_timer_sync(): also waits for a running callback. */
    public boolean delTimerSync(String site) {
        return work().cancelSync(site);
    }
}
