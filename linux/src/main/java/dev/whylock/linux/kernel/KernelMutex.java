package dev.whylock.linux.kernel;

import dev.whylock.engine.Env;
import dev.whylock.engine.Mutex;

/**
 * {@code struct mutex} with its lockdep class: a thin wrapper over the engine's {@link Mutex}.
 * Every call names its site, the kernel function that takes or checks the lock, so that reports
 * read {@code rtnl_mutex@sfp_bus_add_upstream} and experiments can select it.
 */
public final class KernelMutex {
    private final Mutex m;

    /** mutex_init(): one lockdep class per initialisation site, named as in reports. */
    public KernelMutex(String lockClass) {
        this.m = Env.current().mutex(lockClass);
    }

    /** mutex_lock(). */
    public void lock(String site) {
        m.lock(site);
    }

    /** mutex_unlock(). */
    public void unlock(String site) {
        m.unlock(site);
    }

    /** mutex_trylock(). */
    public boolean tryLock(String site) {
        return m.tryLock(site);
    }

    /** lockdep_assert_held(): the calling task holds it. */
    public void lockdepAssertHeld(String site) {
        m.assertHeld(site);
    }

    /** ASSERT_RTNL()-style check: some task holds it. */
    public void assertLocked(String site) {
        m.assertLocked(site);
    }

    /** mutex_is_locked(). */
    public boolean isLocked(String site) {
        return m.isLocked(site);
    }

    public String lockClass() {
        return m.lockClass();
    }

    /** The engine lock, for tests and analyses. */
    public Mutex engineMutex() {
        return m;
    }

    @Override
    public String toString() {
        return m.lockClass();
    }
}
