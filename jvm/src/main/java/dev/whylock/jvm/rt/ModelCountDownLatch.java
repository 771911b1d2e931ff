package dev.whylock.jvm.rt;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What {@code new CountDownLatch(n)} creates in rewritten code: the count lives on the engine while an execution controls the caller. */
public class ModelCountDownLatch extends CountDownLatch {
    private JvmRuntime rt;
    private WaitQueue count;
    private dev.whylock.engine.Completion zero;

    public ModelCountDownLatch(int count) {
        super(count);
    }

    private WaitQueue state(JvmRuntime r) {
        if (rt != r) {
            rt = r;
            count = r.prims.counter(r.lockName(this), super.getCount(), "count");
            zero = r.prims.event(r.lockName(this) + " at zero");
            if (super.getCount() == 0) {
                zero.setDone(Integer.MAX_VALUE);
            }
        }
        return count;
    }

    @Override
    public void countDown() {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            super.countDown();
            return;
        }
        String site = CallerSite.of(r);
        if (r.prims.release(state(r), c -> Math.max(0, c - 1), c -> c == 0, site) == 1) {
            r.prims.fire(zero, site);
        }
    }

    @Override
    public void await() throws InterruptedException {
        JvmRuntime r = JvmRuntime.active();
        TaskCtx me = RtThreads.me(r);
        if (me == null) {
            super.await();
            return;
        }
        state(r);
        r.prims.awaitEvent(me, zero, CallerSite.of(r));
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return await(Math.max(0, unit.toNanos(timeout)));
    }

    private boolean await(long nanos) throws InterruptedException {
        JvmRuntime r = JvmRuntime.active();
        TaskCtx me = RtThreads.me(r);
        if (me == null) {
            if (nanos < 0) {
                super.await();
                return true;
            }
            return super.await(nanos, TimeUnit.NANOSECONDS);
        }
        return r.prims.acquire(me, state(r), c -> c == 0, c -> c, nanos, JvmPrimitives.Interrupts.THROW, CallerSite.of(r));
    }

    @Override
    public long getCount() {
        JvmRuntime r = JvmRuntime.active();
        return RtThreads.me(r) == null ? super.getCount() : r.prims.read(state(r), CallerSite.of(r));
    }

    @Override
    public String toString() {
        return "CountDownLatch[Count = " + (count == null ? super.getCount() : count.peek()) + "]";
    }
}
