package dev.whylock.jvm.rt;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code new CyclicBarrier(n)} creates in rewritten code: arrivals and the generation live on
 * the engine (generation in the high 32 bits, arrivals in the low ones); the last arriving task
 * runs the barrier action and opens the next generation. Broken barriers are not modelled: a
 * timed-out await throws TimeoutException without breaking the barrier for the others.
 */
public class ModelCyclicBarrier extends CyclicBarrier {
    private final int parties;
    private final Runnable action;
    private JvmRuntime rt;
    private WaitQueue state;

    public ModelCyclicBarrier(int parties) {
        this(parties, null);
    }

    public ModelCyclicBarrier(int parties, Runnable action) {
        super(parties, action);
        this.parties = parties;
        this.action = action;
    }

    private WaitQueue state(JvmRuntime r) {
        if (rt != r) {
            rt = r;
            state = r.prims.counter(r.lockName(this), 0, "generation*2^32+arrived");
        }
        return state;
    }

    @Override
    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return await(-1);
        } catch (TimeoutException e) {
            throw new IllegalStateException("an untimed await cannot time out", e);
        }
    }

    @Override
    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return await(Math.max(0, unit.toNanos(timeout)));
    }

    private int await(long nanos) throws InterruptedException, BrokenBarrierException, TimeoutException {
        JvmRuntime r = JvmRuntime.active();
        TaskCtx me = RtThreads.me(r);
        if (me == null) {
            return nanos < 0 ? super.await() : super.await(nanos, TimeUnit.NANOSECONDS);
        }
        String site = CallerSite.of(r);
        WaitQueue s = state(r);
        long old = r.prims.release(s, v -> v + 1, v -> false, site);
        long generation = old >>> 32;
        int arrived = (int) (old & 0xffffffffL) + 1;
        if (arrived == parties) {
            if (action != null) {
                action.run();
            }
            r.prims.release(s, v -> (generation + 1) << 32, v -> true, site);
            return 0;
        }
        if (!r.prims.acquire(me, s, v -> (v >>> 32) != generation, v -> v, nanos, JvmPrimitives.Interrupts.THROW, site)) {
            throw new TimeoutException();
        }
        return parties - arrived;
    }

    @Override
    public int getParties() {
        return parties;
    }

    @Override
    public int getNumberWaiting() {
        JvmRuntime r = JvmRuntime.active();
        return RtThreads.me(r) == null ? super.getNumberWaiting() : (int) (r.prims.read(state(r), CallerSite.of(r)) & 0xffffffffL);
    }

    @Override
    public boolean isBroken() {
        return RtThreads.me(JvmRuntime.active()) == null && super.isBroken();
    }

    @Override
    public void reset() {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            super.reset();
            return;
        }
        r.prims.release(state(r), v -> ((v >>> 32) + 1) << 32, v -> true, CallerSite.of(r));
    }
}
