package dev.whylock.engine;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;

/**
 * A {@code java.util.concurrent.CyclicBarrier} without a barrier action: each generation trips
 * when {@code parties} tasks have arrived; an interrupted or timed-out waiter breaks it, and every
 * waiter of a broken generation (and every later arrival) gets {@link BrokenBarrierException}.
 */
public final class Barrier {
    private final SyncRuntime rt;
    private final String name;
    private final int id;
    private final int parties;

    /** Engine internal: use {@link Env#barrier(String, int)}. */
    public Barrier(SyncRuntime rt, String name, int id, int parties) {
        this.rt = rt;
        this.name = name;
        this.id = id;
        this.parties = parties;
    }

    /** {@code await()}: the arrival index ({@code parties - 1} for the first to arrive, 0 for the last). */
    public int await(String site) throws InterruptedException, BrokenBarrierException {
        try {
            return rt.await(this, -1, site);
        } catch (TimeoutException e) {
            throw new IllegalStateException("an untimed barrier wait never times out", e);
        }
    }

    /** {@code await(timeout, unit)} on virtual time. */
    public int await(long timeoutMillis, String site) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return rt.await(this, Math.max(0, timeoutMillis), site);
    }

    /** {@code isBroken()} (visible operation). */
    public boolean isBroken(String site) {
        return rt.isBroken(this, site);
    }

    /** {@code getNumberWaiting()} (visible operation). */
    public int waiting(String site) {
        return rt.waiting(this, site);
    }

    public int parties() {
        return parties;
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
