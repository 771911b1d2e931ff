package dev.whylock.linux.kernel;

import dev.whylock.engine.Env;
import dev.whylock.engine.Obj;
import dev.whylock.engine.ViolationKind;

/** {@code struct kref}: a reference count whose last put runs a release function. */
public final class Kref {
    private final AtomicWord refcount;

    /** kref_init(): the count starts at 1. */
    public Kref(Obj owner, String name) {
        this.refcount = new AtomicWord(owner, name, 1);
    }

    /** kref_get(): incrementing from zero is a refcount bug (use after the last put). */
    public void get(String site) {
        long old = refcount.update(v -> v + 1, site);
        if (old <= 0) {
            Env.current().fail(ViolationKind.REFCOUNT_UNDERFLOW,
                    "refcount_t: addition on 0 (use-after-free) of " + refcount.name() + " in " + site);
        }
    }

    /** kref_put(): runs {@code release} when the count drops to zero; returns whether it did. */
    public boolean put(Runnable release, String site) {
        long old = refcount.update(v -> v - 1, site);
        if (old <= 0) {
            Env.current().fail(ViolationKind.REFCOUNT_UNDERFLOW,
                    "refcount_t: underflow of " + refcount.name() + " in " + site);
        }
        if (old == 1) {
            release.run();
            return true;
        }
        return false;
    }

    /**
     * kref_put_mutex(): when the count would drop to zero, takes {@code lock} first and runs
     * {@code release} with it held; {@code release} must unlock it.
     */
    public boolean putMutex(Runnable release, KernelMutex lock, String site) {
        // refcount_dec_and_mutex_lock(): refcount_dec_not_one() first, without the lock.
        long seen = refcount.update(v -> v > 1 ? v - 1 : v, site);
        if (seen > 1) {
            return false;
        }
        lock.lock(site);
        long old = refcount.update(v -> v - 1, site);
        if (old <= 0) {
            Env.current().fail(ViolationKind.REFCOUNT_UNDERFLOW,
                    "refcount_t: underflow of " + refcount.name() + " in " + site);
        }
        if (old != 1) {
            lock.unlock(site);
            return false;
        }
        release.run();
        return true;
    }

    /** kref_read(), without a visible operation (invariants). */
    public long peek() {
        return refcount.peek();
    }
}
