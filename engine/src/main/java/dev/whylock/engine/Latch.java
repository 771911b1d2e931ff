package dev.whylock.engine;

/** A {@code java.util.concurrent.CountDownLatch}. */
public final class Latch {
    private final SyncRuntime rt;
    private final String name;
    private final int id;

    /** Engine internal: use {@link Env#latch(String, int)}. */
    public Latch(SyncRuntime rt, String name, int id) {
        this.rt = rt;
        this.name = name;
        this.id = id;
    }

    /** {@code countDown()}. */
    public void countDown(String site) {
        rt.countDown(this, site);
    }

    /** {@code await()}: waits until the count is zero. */
    public void await(String site) throws InterruptedException {
        rt.await(this, -1, site);
    }

    /** {@code await(timeout, unit)}: false when the timeout (on virtual time) ended the wait. */
    public boolean await(long timeoutMillis, String site) throws InterruptedException {
        return rt.await(this, Math.max(0, timeoutMillis), site);
    }

    /** {@code getCount()} (visible operation). */
    public long count(String site) {
        return rt.count(this, site);
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
