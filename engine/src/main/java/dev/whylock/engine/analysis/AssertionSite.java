package dev.whylock.engine.analysis;

/**
 * A lock assertion site and how it fared over all explored executions.
 *
 * @param lockClass  the lock it checks, e.g. {@code rtnl_mutex}
 * @param site       the function containing the assertion
 * @param holder     true for lockdep_assert_held (the caller must hold it), false for ASSERT_RTNL-style
 *                   (some task must hold it)
 * @param checks     how often it ran
 * @param failures   how often it failed
 */
public record AssertionSite(String lockClass, String site, boolean holder, long checks, long failures) {

    /** The kernel spelling of the check: {@code lockdep_assert_held} or {@code ASSERT_RTNL}. */
    public String form() {
        return holder ? "lockdep_assert_held" : "ASSERT_RTNL";
    }

    /** Whether it ever failed. */
    public boolean everFailed() {
        return failures > 0;
    }
}
