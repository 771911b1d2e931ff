package dev.whylock.engine;

/**
 * A {@code java.util.concurrent.locks.ReentrantReadWriteLock}: many readers or one writer, both
 * reentrant; the writer may also take the read lock (downgrading), but a reader asking for the
 * write lock waits forever (no upgrade), as in the JDK.
 */
public final class ReadWriteLock {
    private final SyncRuntime rt;
    private final Mutex mutex;

    /** Engine internal: use {@link Env#readWriteLock(String)}. */
    public ReadWriteLock(SyncRuntime rt, Mutex mutex) {
        this.rt = rt;
        this.mutex = mutex;
    }

    public String lockClass() {
        return mutex.lockClass();
    }

    /** The lock's identity in traces, analyses and lock experiments. */
    public Mutex mutex() {
        return mutex;
    }

    public int id() {
        return mutex.id();
    }

    /** {@code readLock().lock()}. */
    public void lockRead(String site) {
        rt.lockRead(this, site);
    }

    /** {@code readLock().tryLock()}. */
    public boolean tryLockRead(String site) {
        return rt.tryLockRead(this, site);
    }

    /** {@code readLock().unlock()}. */
    public void unlockRead(String site) {
        rt.unlockRead(this, site);
    }

    /** {@code writeLock().lock()}. */
    public void lockWrite(String site) {
        rt.lockWrite(this, site);
    }

    /** {@code writeLock().tryLock()}. */
    public boolean tryLockWrite(String site) {
        return rt.tryLockWrite(this, site);
    }

    /** {@code writeLock().unlock()}. */
    public void unlockWrite(String site) {
        rt.unlockWrite(this, site);
    }

    /** {@code readLock().lockInterruptibly()}. */
    public void lockReadInterruptibly(String site) throws InterruptedException {
        rt.lockInterruptibly(this, false, -1, site);
    }

    /** {@code readLock().tryLock(timeout)}: waits up to the timeout (on virtual time); false when it expired. */
    public boolean tryLockRead(long timeoutMillis, String site) throws InterruptedException {
        return rt.lockInterruptibly(this, false, Math.max(0, timeoutMillis), site);
    }

    /** {@code writeLock().lockInterruptibly()}. */
    public void lockWriteInterruptibly(String site) throws InterruptedException {
        rt.lockInterruptibly(this, true, -1, site);
    }

    /** {@code writeLock().tryLock(timeout)}: waits up to the timeout (on virtual time); false when it expired. */
    public boolean tryLockWrite(long timeoutMillis, String site) throws InterruptedException {
        return rt.lockInterruptibly(this, true, Math.max(0, timeoutMillis), site);
    }

    /** {@code isWriteLocked()} (visible operation). */
    public boolean isWriteLocked(String site) {
        return rt.isWriteLocked(this, site);
    }

    @Override
    public String toString() {
        return mutex.lockClass();
    }
}
