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

    /**
     * Takes rtnl; {@code site} is the kernel function that calls it.
     *
     * <p>Kernel: net/core/rtnetlink.c rtnl_lock() (v5.14)
     * <p>Context: process; rtnl is not recursive
     */
    public static void rtnlLock(String site) {
        rtnlMutex().lock(site);
    }

    /**
     * Kernel: net/core/rtnetlink.c rtnl_unlock() (v5.14)
     * <p>Context: rtnl held
     */
    public static void rtnlUnlock(String site) {
        rtnlMutex().unlock(site);
    }

    /**
     * Warns unless some task holds rtnl (not necessarily the caller).
     *
     * <p>Kernel: include/linux/rtnetlink.h ASSERT_RTNL() (v5.14)
     * <p>Context: any
     */
    public static void assertRtnl(String site) {
        rtnlMutex().assertLocked(site);
    }

    /**
     * Kernel: net/core/rtnetlink.c rtnl_is_locked() (v5.14)
     * <p>Context: any
     */
    public static boolean rtnlIsLocked(String site) {
        return rtnlMutex().isLocked(site);
    }

    /**
     * {@code WARN_ON(!lockdep_rtnl_is_held())} as an assertion: the calling task holds rtnl.
     *
     * <p>Kernel: net/core/rtnetlink.c lockdep_rtnl_is_held() (v5.14)
     * <p>Context: any
     */
    public static void lockdepAssertRtnlHeld(String site) {
        rtnlMutex().lockdepAssertHeld(site);
    }
}
