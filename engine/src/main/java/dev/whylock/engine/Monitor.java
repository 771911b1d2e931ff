package dev.whylock.engine;

/**
 * A reentrant lock with wait sets: a Java object's monitor ({@code synchronized},
 * {@code wait}/{@code notify}/{@code notifyAll}) or a {@code ReentrantLock} with its
 * {@link Condition}s. The holder may take it again; it is free once every hold is released.
 *
 * <p>Waiting, signalling or unlocking without holding it throws {@link IllegalMonitorStateException}
 * in the calling task, as the JDK does (an uncaught exception is a violation).
 */
public final class Monitor {
    private final SyncRuntime rt;
    private final Mutex mutex;
    private final Condition waitSet;

    /** Engine internal: use {@link Env#monitor(String)}. */
    public Monitor(SyncRuntime rt, Mutex mutex) {
        this.rt = rt;
        this.mutex = mutex;
        this.waitSet = rt.newCondition(this, mutex.lockClass());
    }

    /** The lock class, e.g. {@code Account.this} or {@code Transfers.lock}. */
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

    /** {@code synchronized} entry / {@code ReentrantLock.lock()}. */
    public void lock(String site) {
        rt.lock(this, site);
    }

    /** {@code ReentrantLock.tryLock()}: takes it if it is free or already held by the caller. */
    public boolean tryLock(String site) {
        try {
            return rt.tryLock(this, -1, site);
        } catch (InterruptedException e) {
            throw new IllegalStateException("an untimed tryLock never waits", e);
        }
    }

    /** {@code ReentrantLock.tryLock(timeout)}: waits up to the timeout (on virtual time) for the lock. */
    public boolean tryLock(long timeoutMillis, String site) throws InterruptedException {
        return rt.tryLock(this, Math.max(0, timeoutMillis), site);
    }

    /** {@code synchronized} exit / {@code ReentrantLock.unlock()}: releases one hold. */
    public void unlock(String site) {
        rt.unlock(this, site);
    }

    /** {@code ReentrantLock.isLocked()}: whether any task holds it (visible operation). */
    public boolean isLocked(String site) {
        return rt.isLocked(this, site);
    }

    /** {@code isHeldByCurrentThread()} / {@code Thread.holdsLock}: local, since only the caller changes it. */
    public boolean isHeldByCurrentTask() {
        return rt.holdCount(this) > 0;
    }

    /** {@code ReentrantLock.getHoldCount()}: local. */
    public int holdCount() {
        return rt.holdCount(this);
    }

    /** {@code ReentrantLock.newCondition()}. */
    public Condition newCondition(String name) {
        return rt.newCondition(this, name);
    }

    /** The monitor's own wait set, the one {@code Object.wait}/{@code notify} use. */
    public Condition waitSet() {
        return waitSet;
    }

    /** {@code Object.wait()} on this monitor. */
    public void await(String site) throws InterruptedException {
        waitSet.await(site);
    }

    /** {@code Object.wait(ms)}; returns false when the timeout ended the wait. */
    public boolean await(long timeoutMillis, String site) throws InterruptedException {
        return waitSet.await(timeoutMillis, site);
    }

    /** {@code Object.notify()}. */
    public void signal(String site) {
        waitSet.signal(site);
    }

    /** {@code Object.notifyAll()}. */
    public void signalAll(String site) {
        waitSet.signalAll(site);
    }

    @Override
    public String toString() {
        return mutex.lockClass();
    }
}
