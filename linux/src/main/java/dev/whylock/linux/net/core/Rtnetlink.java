package dev.whylock.linux.net.core;

import dev.whylock.linux.kernel.Kernel;
import dev.whylock.linux.kernel.KernelMutex;

/** net/core/rtnetlink.c: the global {@code rtnl_mutex}. */
public final class Rtnetlink {
    private Rtnetlink() {}

    /** The rtnl mutex of the running execution. */
    public static KernelMutex rtnlMutex() {
        return Kernel.get().global("rtnl_mutex", () -> new KernelMutex("rtnl_mutex"));
    }

    /** rtnl_lock(): {@code site} is the kernel function that calls it. */
    public static void rtnlLock(String site) {
        rtnlMutex().lock(site);
    }

    /** rtnl_unlock(). */
    public static void rtnlUnlock(String site) {
        rtnlMutex().unlock(site);
    }

    /** ASSERT_RTNL(): warns unless some task holds rtnl (not necessarily the caller). */
    public static void assertRtnl(String site) {
        rtnlMutex().assertLocked(site);
    }

    /** rtnl_is_locked(). */
    public static boolean rtnlIsLocked(String site) {
        return rtnlMutex().isLocked(site);
    }

    /** lockdep_rtnl_is_held() as an assertion: the calling task holds rtnl. */
    public static void lockdepAssertRtnlHeld(String site) {
        rtnlMutex().lockdepAssertHeld(site);
    }
}
