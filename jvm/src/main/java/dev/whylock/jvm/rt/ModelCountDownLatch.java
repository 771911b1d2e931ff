package dev.whylock.jvm.rt;

import dev.whylock.engine.Latch;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What {@code new CountDownLatch(n)} creates in rewritten code: the engine's latch while an execution controls the caller. */
public class ModelCountDownLatch extends CountDownLatch {
    private JvmRuntime rt;
    private Latch latch;

    public ModelCountDownLatch(int count) {
        super(count);
    }

    private Latch state(JvmRuntime r) {
        if (rt != r) {
            rt = r;
            latch = r.env.latch(r.lockName(this), (int) super.getCount());
        }
        return latch;
    }

    @Override
    public void countDown() {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            super.countDown();
            return;
        }
        state(r).countDown(CallerSite.of(r));
    }

    @Override
    public void await() throws InterruptedException {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            super.await();
            return;
        }
        state(r).await(CallerSite.of(r));
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.await(timeout, unit);
        }
        return state(r).await(EnginePrimitives.millis(Math.max(0, unit.toNanos(timeout))), CallerSite.of(r));
    }

    @Override
    public long getCount() {
        JvmRuntime r = JvmRuntime.active();
        return RtThreads.me(r) == null ? super.getCount() : state(r).count(CallerSite.of(r));
    }

    @Override
    public String toString() {
        return "CountDownLatch[" + (latch == null ? "Count = " + super.getCount() : latch.name()) + "]";
    }
}
