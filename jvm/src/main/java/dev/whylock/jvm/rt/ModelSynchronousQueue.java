package dev.whylock.jvm.rt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * What {@code new SynchronousQueue<>()} creates in rewritten code: a hand-off with no capacity,
 * composed on the engine. Its state is one {@link WaitQueue} whose number counts the hand-offs; the
 * waiting producers (with their items) and consumers live in lists changed only inside operations
 * on it. {@code put} either hands its item to a waiting consumer in one atomic operation or leaves
 * it and waits until a consumer takes it; {@code take} is the mirror image. {@code offer} and
 * {@code poll} without a timeout succeed only when a partner already waits; their timed forms wait
 * up to the timeout (virtual time), then withdraw in one operation, unless a partner came first.
 * A fair queue matches the longest waiting partner, an unfair one the most recent (as the JDK's
 * queue and stack). A put that nobody takes waits forever: with nothing else to run that is a
 * deadlock. The collection methods are the JDK's: the queue is always empty.
 */
public class ModelSynchronousQueue<E> extends SynchronousQueue<E> {
    private final boolean fair;
    private JvmRuntime rt;
    private WaitQueue state;
    /** Waiting producers' offer numbers, and their items by number. */
    private final Deque<Long> putters = new ArrayDeque<>();
    private final Map<Long, Object> items = new HashMap<>();
    /** Waiting consumers' request numbers, and the items handed to them by number. */
    private final Deque<Long> takers = new ArrayDeque<>();
    private final Map<Long, Object> handed = new HashMap<>();

    public ModelSynchronousQueue() {
        this(false);
    }

    public ModelSynchronousQueue(boolean fair) {
        super(fair);
        this.fair = fair;
    }

    private WaitQueue state(JvmRuntime r) {
        if (rt != r) {
            rt = r;
            putters.clear();
            items.clear();
            takers.clear();
            handed.clear();
            state = r.prims.counter(r.lockName(this), 0, "handoffs");
        }
        return state;
    }

    private Long partner(Deque<Long> waiting) {
        return fair ? waiting.pollFirst() : waiting.pollLast();
    }

    @Override
    public void put(E e) throws InterruptedException {
        Objects.requireNonNull(e);
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            super.put(e);
            return;
        }
        give(r, e, -1, true);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(e);
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.offer(e, timeout, unit);
        }
        return give(r, e, Math.max(0, unit.toNanos(timeout)), true);
    }

    @Override
    public boolean offer(E e) {
        Objects.requireNonNull(e);
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.offer(e);
        }
        try {
            return give(r, e, 0, false);
        } catch (InterruptedException x) {
            throw new IllegalStateException("a non-blocking offer waited", x);
        }
    }

    @Override
    public E take() throws InterruptedException {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.take();
        }
        return receive(r, -1, true);
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.poll(timeout, unit);
        }
        return receive(r, Math.max(0, unit.toNanos(timeout)), true);
    }

    @Override
    public E poll() {
        JvmRuntime r = JvmRuntime.active();
        if (RtThreads.me(r) == null) {
            return super.poll();
        }
        try {
            return receive(r, 0, false);
        } catch (InterruptedException x) {
            throw new IllegalStateException("a non-blocking poll waited", x);
        }
    }

    @Override
    public int drainTo(java.util.Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    /** The items of waiting producers, one {@link #poll()} each (the JDK's drainTo, kept on the model). */
    @Override
    public int drainTo(java.util.Collection<? super E> c, int maxElements) {
        Objects.requireNonNull(c);
        if (c == this) {
            throw new IllegalArgumentException();
        }
        int n = 0;
        for (E e; n < maxElements && (e = poll()) != null; n++) {
            c.add(e);
        }
        return n;
    }

    /** One blocking-capable call: the task, its site, the queue's state, and the call's number (independent of the interleaving). */
    private record Call(TaskCtx me, String site, WaitQueue q, long k) {}

    /** Starts a call: an interruptible one first checks (and clears) the interrupt status, as the JDK's does. */
    private Call begin(JvmRuntime r, boolean interruptible) throws InterruptedException {
        TaskCtx me = RtThreads.me(r);
        String site = CallerSite.of(r);
        WaitQueue q = state(r);
        if (interruptible && r.prims.interrupted(me, true, site)) {
            throw new InterruptedException();
        }
        return new Call(me, site, q, ((long) me.serial << 24) + me.counters.merge("synchronousQueue", 1, Integer::sum));
    }

    /** put / offer: hands {@code e} to a waiting consumer, or (when {@code nanos} is not 0) waits for one to take it. */
    private boolean give(JvmRuntime r, E e, long nanos, boolean interruptible) throws InterruptedException {
        Call call = begin(r, interruptible);
        TaskCtx me = call.me();
        String site = call.site();
        WaitQueue q = call.q();
        long k = call.k();
        boolean done = r.prims.tryChange(q, v -> {
            Long t = partner(takers);
            if (t != null) {
                handed.put(t, e);
                return true;
            }
            if (nanos != 0) {
                putters.addLast(k);
                items.put(k, e);
            }
            return false;
        }, v -> v + 1, site);
        if (done || nanos == 0) {
            return done;
        }
        boolean taken;
        boolean interrupted = false;
        try {
            taken = r.prims.acquire(me, q, v -> !items.containsKey(k), v -> v, nanos, JvmPrimitives.Interrupts.THROW, site);
        } catch (InterruptedException x) {
            taken = false;
            interrupted = true;
        }
        if (!taken && r.prims.tryChange(q, v -> putters.remove(k) && items.remove(k) != null, v -> v, site)) {
            if (interrupted) {
                throw new InterruptedException();
            }
            return false;
        }
        // A consumer took the item first: the hand-off stands.
        if (interrupted) {
            r.prims.interrupt(me, site);
        }
        return true;
    }

    /** take / poll: takes a waiting producer's item, or (when {@code nanos} is not 0) waits for one to hand one over. */
    @SuppressWarnings("unchecked")
    private E receive(JvmRuntime r, long nanos, boolean interruptible) throws InterruptedException {
        Call call = begin(r, interruptible);
        TaskCtx me = call.me();
        String site = call.site();
        WaitQueue q = call.q();
        long k = call.k();
        Object[] got = new Object[1];
        boolean done = r.prims.tryChange(q, v -> {
            Long p = partner(putters);
            if (p != null) {
                got[0] = items.remove(p);
                return true;
            }
            if (nanos != 0) {
                takers.addLast(k);
            }
            return false;
        }, v -> v + 1, site);
        if (done || nanos == 0) {
            return (E) got[0];
        }
        boolean handedOver;
        boolean interrupted = false;
        try {
            handedOver = r.prims.acquire(me, q, v -> handed.containsKey(k), v -> {
                got[0] = handed.remove(k);
                return v;
            }, nanos, JvmPrimitives.Interrupts.THROW, site);
        } catch (InterruptedException x) {
            handedOver = false;
            interrupted = true;
        }
        if (!handedOver) {
            if (r.prims.tryChange(q, v -> takers.remove(k), v -> v, site)) {
                if (interrupted) {
                    throw new InterruptedException();
                }
                return null;
            }
            // A producer handed an item over first: take it; the hand-off stands.
            r.prims.tryChange(q, v -> {
                got[0] = handed.remove(k);
                return false;
            }, v -> v, site);
            if (interrupted) {
                r.prims.interrupt(me, site);
            }
        }
        return (E) got[0];
    }

    @Override
    public String toString() {
        return "SynchronousQueue@" + Integer.toHexString(RtSystem.identityHashCode(this, 0));
    }
}
