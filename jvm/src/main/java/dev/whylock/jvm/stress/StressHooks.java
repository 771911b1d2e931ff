package dev.whylock.jvm.stress;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * What a stress run's rewritten lock calls go to: a removed {@code lock()} takes nothing, and the
 * {@code unlock()} that pairs with it (the thread's last acquisition of that lock) releases
 * nothing; every other call is the real one. Public because the stress runs' classes call it.
 */
public final class StressHooks {

    private StressHooks() {}

    /** Per thread, per lock: for each acquisition still held, whether it was removed. */
    private static final ThreadLocal<Map<Lock, ArrayDeque<Boolean>>> HELD = ThreadLocal.withInitial(IdentityHashMap::new);

    private static ArrayDeque<Boolean> held(Lock l) {
        return HELD.get().computeIfAbsent(l, k -> new ArrayDeque<>());
    }

    public static void lock(Lock l) {
        l.lock();
        held(l).push(false);
    }

    public static void removedLock(Lock l) {
        held(l).push(true);
    }

    public static void lockInterruptibly(Lock l) throws InterruptedException {
        l.lockInterruptibly();
        held(l).push(false);
    }

    public static boolean tryLock(Lock l) {
        boolean got = l.tryLock();
        if (got) {
            held(l).push(false);
        }
        return got;
    }

    public static boolean tryLock(Lock l, long time, TimeUnit unit) throws InterruptedException {
        boolean got = l.tryLock(time, unit);
        if (got) {
            held(l).push(false);
        }
        return got;
    }

    public static void unlock(Lock l) {
        ArrayDeque<Boolean> h = held(l);
        if (!h.isEmpty() && h.pop()) {
            return;
        }
        l.unlock();
    }
}
