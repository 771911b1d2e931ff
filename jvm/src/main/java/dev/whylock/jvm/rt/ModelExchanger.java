package dev.whylock.jvm.rt;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Exchanger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code new Exchanger<>()} creates in rewritten code: its slot is one number on the engine (a
 * {@link WaitQueue}): 0 empty, {@code 2k+1} offer k waiting, {@code 2k+2} offer k answered. An
 * exchange is one atomic operation that either leaves an offer (then waits for the answer, and
 * empties the slot when it collects it) or answers the waiting offer. The items travel in maps
 * written inside those operations; an offer's number is its task's and the task's count of
 * exchanges, so it does not depend on the interleaving. A waiter that times out or is interrupted withdraws its offer in
 * one operation; if an answer came first, the exchange stands and the interrupt status is set again.
 * A timed exchange that first has to wait for the slot to empty waits up to the full timeout again
 * for its answer (virtual time; the JDK would count the time already spent).
 */
public class ModelExchanger<V> extends Exchanger<V> {
    private JvmRuntime rt;
    private WaitQueue slot;
    private final Map<Long, Object> offered = new HashMap<>();
    private final Map<Long, Object> answered = new HashMap<>();

    public ModelExchanger() {
        super();
    }

    private WaitQueue slot(JvmRuntime r) {
        if (rt != r) {
            rt = r;
            offered.clear();
            answered.clear();
            slot = r.prims.counter(r.lockName(this), 0, ModelExchanger::show);
        }
        return slot;
    }

    static String show(long v) {
        return v == 0 ? "empty" : (v & 1) == 1 ? "offer " + (v - 1) / 2 + " waiting" : "offer " + (v - 2) / 2 + " answered";
    }

    @Override
    public V exchange(V x) throws InterruptedException {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.exchange(x);
        }
        try {
            return exchange(r, x, -1);
        } catch (TimeoutException e) {
            throw new IllegalStateException("an untimed exchange timed out", e);
        }
    }

    @Override
    public V exchange(V x, long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.exchange(x, timeout, unit);
        }
        return exchange(r, x, Math.max(0, unit.toNanos(timeout)));
    }

    @SuppressWarnings("unchecked")
    private V exchange(JvmRuntime r, V x, long nanos) throws InterruptedException, TimeoutException {
        TaskCtx me = RtThreads.me(r);
        String site = CallerSite.of(r);
        WaitQueue q = slot(r);
        // The offer's number depends only on the task and its own calls, not on the interleaving.
        long k = ((long) me.serial << 24) + me.counters.merge("exchange", 1, Integer::sum);
        long[] before = new long[1];
        boolean in = r.prims.acquireAndWake(me, q, v -> v == 0 || (v & 1) == 1, v -> {
            before[0] = v;
            if (v == 0) {
                offered.put(k, x);
                return 2 * k + 1;
            }
            answered.put((v - 1) / 2, x);
            return v + 1;
        }, nanos, JvmPrimitives.Interrupts.THROW, site);
        if (!in) {
            throw new TimeoutException("no partner for the exchange in time");
        }
        if (before[0] != 0) {
            return (V) offered.remove((before[0] - 1) / 2);
        }
        long done = 2 * k + 2;
        boolean matched;
        boolean interrupted = false;
        try {
            matched = r.prims.acquireAndWake(me, q, v -> v == done, v -> 0, nanos, JvmPrimitives.Interrupts.THROW, site);
        } catch (InterruptedException e) {
            matched = false;
            interrupted = true;
        }
        if (!matched) {
            if (r.prims.tryChange(q, v -> v == 2 * k + 1, v -> 0, site)) {
                offered.remove(k);
                if (interrupted) {
                    throw new InterruptedException();
                }
                throw new TimeoutException("no partner for the exchange in time");
            }
            // An answer came first: collect it; the exchange stands.
            r.prims.tryChange(q, v -> v == done, v -> 0, site);
            if (interrupted) {
                r.prims.interrupt(me, site);
            }
        }
        return (V) answered.remove(k);
    }

    @Override
    public String toString() {
        return "Exchanger@" + Integer.toHexString(RtSystem.identityHashCode(this, 0));
    }
}
