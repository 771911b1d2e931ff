package dev.whylock.engine;

/**
 * A non-recursive sleeping lock with a lockdep-style class name; every acquisition names its site
 * (the function that takes it). Taking a mutex the task already holds is a self-deadlock.
 *
 * <p>The lock identity of a {@link Monitor} and of a {@link ReadWriteLock} is also a Mutex (of
 * {@link Kind#REENTRANT} and {@link Kind#READ_WRITE}), so that analyses, traces and lock experiments
 * treat every lock alike; programs use those through their own classes.
 */
public final class Mutex {

    /** What kind of lock this identity stands for. */
    public enum Kind {
        /** A kernel mutex: non-recursive. */
        MUTEX,
        /** A Java monitor or ReentrantLock: the holder may take it again. */
        REENTRANT,
        /** A ReentrantReadWriteLock. */
        READ_WRITE
    }

    private final ExecutionRuntime rt;
    private final String lockClass;
    private final int id;
    private final Kind kind;

    /** Engine internal: use {@link Env#mutex(String)}. */
    public Mutex(ExecutionRuntime rt, String lockClass, int id) {
        this(rt, lockClass, id, Kind.MUTEX);
    }

    /** Engine internal: use {@link Env#mutex(String)}, {@link Env#monitor(String)} or {@link Env#readWriteLock(String)}. */
    public Mutex(ExecutionRuntime rt, String lockClass, int id, Kind kind) {
        this.rt = rt;
        this.lockClass = lockClass;
        this.id = id;
        this.kind = kind;
    }

    /** What kind of lock this is. */
    public Kind kind() {
        return kind;
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
