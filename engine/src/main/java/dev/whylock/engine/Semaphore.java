package dev.whylock.engine;

/** A counting semaphore ({@code java.util.concurrent.Semaphore}, non-fair). */
public final class Semaphore {
    private final SyncRuntime rt;
    private final String name;
    private final int id;

    /** Engine internal: use {@link Env#semaphore(String, int)}. */
    public Semaphore(SyncRuntime rt, String name, int id) {
        this.rt = rt;
        this.name = name;
        this.id = id;
    }

    /** {@code acquire()}: waits for a permit. */
    public void acquire(String site) throws InterruptedException {
        rt.acquire(this, 1, -1, site);
    }

    /** {@code acquire(n)}. */
    public void acquire(int permits, String site) throws InterruptedException {
        rt.acquire(this, permits, -1, site);
    }

    /** {@code tryAcquire()}. */
    public boolean tryAcquire(String site) {
        return rt.tryAcquire(this, 1, site);
    }

    /** {@code tryAcquire(n)}. */
    public boolean tryAcquire(int permits, String site) {
        return rt.tryAcquire(this, permits, site);
    }

    /** {@code tryAcquire(n, timeout, unit)}: waits up to the timeout (on virtual time). */
    public boolean tryAcquire(int permits, long timeoutMillis, String site) throws InterruptedException {
        return rt.acquire(this, permits, Math.max(0, timeoutMillis), site);
    }

    /** {@code release()}. */
    public void release(String site) {
        rt.release(this, 1, site);
    }

    /** {@code release(n)}. */
    public void release(int permits, String site) {
        rt.release(this, permits, site);
    }

    /** {@code availablePermits()} (visible operation). */
    public int availablePermits(String site) {
        return rt.availablePermits(this, site);
    }

    public String name() {
        return name;
    }

    public int id() {
        return id;
    }

    @Override
    public String toString() {
        return name;
    }
}
