package dev.whylock.engine;

/**
 * A non-recursive sleeping lock with a lockdep-style class name; every acquisition names its site
 * (the function that takes it). Taking a mutex the task already holds is a self-deadlock.
 */
public final class Mutex {
    private final ExecutionRuntime rt;
    private final String lockClass;
    private final int id;

    /** Engine internal: use {@link Env#mutex(String)}. */
    public Mutex(ExecutionRuntime rt, String lockClass, int id) {
        this.rt = rt;
        this.lockClass = lockClass;
        this.id = id;
    }

    /** The lock class, e.g. {@code rtnl_mutex} or {@code sfp->sm_mutex}. */
    public String lockClass() {
        return lockClass;
    }

    /** Engine internal identity of this lock within one execution. */
    public int id() {
        return id;
    }

    public void lock(String site) {
        rt.lock(this, site);
    }

    public boolean tryLock(String site) {
        return rt.tryLock(this, site);
    }

    public void unlock(String site) {
        rt.unlock(this, site);
    }

    /** lockdep_assert_held(): fails with an assertion violation unless the calling task holds it. */
    public void assertHeld(String site) {
        rt.assertHeld(this, site);
    }

    /** ASSERT_RTNL()-style: fails with an assertion violation unless some task holds it. */
    public void assertLocked(String site) {
        rt.assertLocked(this, site);
    }

    /** mutex_is_locked(): whether any task holds it. */
    public boolean isLocked(String site) {
        return rt.isLocked(this, site);
    }

    @Override
    public String toString() {
        return lockClass;
    }
}
