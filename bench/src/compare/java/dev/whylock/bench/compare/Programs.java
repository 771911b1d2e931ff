package dev.whylock.bench.compare;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The small programs of the side-by-side comparison, in plain Java (threads, {@code ReentrantLock},
 * monitors, atomics), each in a buggy and a fixed variant. Each {@code run} starts the threads, joins
 * them and throws {@link AssertionError} when the bug shows; the deadlocking ones hang instead (the
 * tools report the deadlock). Shared state lives in objects reachable from {@code Thread} subclass
 * fields so that Lincheck's shared-object analysis sees it (see JVM-NOTES "Why the peers miss
 * plain-field races").
 */
public final class Programs {

    private Programs() {}

    /** The programs, by name, as the comparison table lists them. */
    public static final String[] NAMES = {"lost-update", "check-then-act", "ab-ba", "missed-signal", "work-stealing-queue",
        "ethtool-vs-cage-unbind"};

    public static void run(String name, boolean buggy) {
        switch (name) {
            case "lost-update" -> lostUpdate(buggy);
            case "check-then-act" -> checkThenAct(buggy);
            case "ab-ba" -> abba(buggy);
            case "missed-signal" -> missedSignal(buggy);
            case "work-stealing-queue" -> workStealing(buggy);
            case "ethtool-vs-cage-unbind" -> ethtoolVsUnbind(buggy);
            default -> throw new IllegalArgumentException(name);
        }
    }

    /** A thread running {@code body}: a subclass, so its fields are reachable from the Thread object. */
    static final class Worker extends Thread {
        final Object shared;
        final Runnable body;

        Worker(Object shared, Runnable body) {
            this.shared = shared;
            this.body = body;
        }

        @Override
        public void run() {
            body.run();
        }
    }

    static void startJoin(Thread... ts) {
        for (Thread t : ts) {
            t.start();
        }
        try {
            for (Thread t : ts) {
                t.join();
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- lost update: counter = counter + 1 in two threads, plain int field ----

    static final class Counter {
        int value;
        final ReentrantLock lock = new ReentrantLock();
    }

    static void lostUpdate(boolean buggy) {
        Counter c = new Counter();
        Runnable inc = () -> {
            if (!buggy) {
                c.lock.lock();
            }
            try {
                int v = c.value;
                c.value = v + 1;
            } finally {
                if (!buggy) {
                    c.lock.unlock();
                }
            }
        };
        startJoin(new Worker(c, inc), new Worker(c, inc));
        if (c.value != 2) {
            throw new AssertionError("lost update: counter is " + c.value);
        }
    }

    // ---- check-then-act: claim a slot if free; both may claim it ----

    static final class Slot {
        final AtomicInteger owner = new AtomicInteger(-1);
        final AtomicInteger claims = new AtomicInteger();
    }

    static void checkThenAct(boolean buggy) {
        Slot s = new Slot();
        Thread[] ts = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int me = i;
            ts[i] = new Worker(s, () -> {
                boolean mine;
                if (buggy) {
                    mine = s.owner.get() == -1;
                    if (mine) {
                        s.owner.set(me);
                    }
                } else {
                    mine = s.owner.compareAndSet(-1, me);
                }
                if (mine && s.claims.incrementAndGet() > 1) {
                    throw new AssertionError("slot claimed twice");
                }
            });
        }
        startJoin(ts);
        if (s.claims.get() > 1) {
            throw new AssertionError("slot claimed twice");
        }
    }

    // ---- AB-BA deadlock ----

    static final class Locks {
        final ReentrantLock a = new ReentrantLock();
        final ReentrantLock b = new ReentrantLock();
        int x;
    }

    static void abba(boolean buggy) {
        Locks l = new Locks();
        Thread t0 = new Worker(l, () -> {
            l.a.lock();
            l.b.lock();
            l.x = 1;
            l.b.unlock();
            l.a.unlock();
        });
        Thread t1 = new Worker(l, () -> {
            ReentrantLock first = buggy ? l.b : l.a;
            ReentrantLock second = buggy ? l.a : l.b;
            first.lock();
            second.lock();
            l.x = 2;
            second.unlock();
            first.unlock();
        });
        startJoin(t0, t1);
    }

    // ---- missed signal: check the flag outside the monitor, then wait ----

    static final class Signal {
        volatile boolean flag;
    }

    static void missedSignal(boolean buggy) {
        Signal s = new Signal();
        Thread waiter = new Worker(s, () -> {
            try {
                if (buggy) {
                    if (!s.flag) {
                        synchronized (s) {
                            s.wait();
                        }
                    }
                } else {
                    synchronized (s) {
                        while (!s.flag) {
                            s.wait();
                        }
                    }
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread signaller = new Worker(s, () -> {
            synchronized (s) {
                s.flag = true;
                s.notifyAll();
            }
        });
        startJoin(waiter, signaller);
    }

    // ---- work-stealing queue (Chase-Lev shape): the owner's pop of the last item must race the thief by CAS ----

    static final class Deque {
        final AtomicIntegerArray items = new AtomicIntegerArray(8);
        final AtomicInteger top = new AtomicInteger();
        volatile int bottom;
        final AtomicIntegerArray taken = new AtomicIntegerArray(8);

        void push(int v) {
            items.set(bottom, v);
            bottom = bottom + 1;
        }

        /** Owner: take from the bottom; -1 when empty. */
        int pop(boolean buggy) {
            int b = bottom - 1;
            bottom = b;
            int t = top.get();
            if (t > b) {
                bottom = t;
                return -1;
            }
            int v = items.get(b);
            if (t == b) {
                // The last item: the thief may be taking it too.
                if (!buggy && !top.compareAndSet(t, t + 1)) {
                    v = -1;
                } else if (buggy) {
                    top.set(t + 1); // BUG: a plain store where a CAS is needed
                }
                bottom = t + 1;
            }
            return v;
        }

        /** Thief: take from the top; -1 when empty or lost the race. */
        int steal() {
            int t = top.get();
            int b = bottom;
            if (t >= b) {
                return -1;
            }
            int v = items.get(t);
            return top.compareAndSet(t, t + 1) ? v : -1;
        }

        void take(int v) {
            if (v >= 0 && taken.incrementAndGet(v) > 1) {
                throw new AssertionError("item " + v + " taken twice");
            }
        }
    }

    static void workStealing(boolean buggy) {
        Deque d = new Deque();
        d.push(0);
        d.push(1);
        Thread owner = new Worker(d, () -> {
            d.take(d.pop(buggy));
            d.take(d.pop(buggy));
        });
        Thread thief = new Worker(d, () -> d.take(d.steal()));
        startJoin(owner, thief);
        for (int i = 0; i < 2; i++) {
            if (d.taken.get(i) > 1) {
                throw new AssertionError("item " + i + " taken twice");
            }
        }
    }

    // ---- the kernel-model race, in plain Java: ethtool -m reads bus->sfp under rtnl while the cage driver
    // unbinds (sfp_unregister_socket clears bus->sfp and the sfp is freed); buggy = rtnl removed from unbind ----

    static final class Sfp {
        volatile boolean freed;
        volatile int eeprom = 0x03;
    }

    static final class SfpBus {
        final ReentrantLock rtnl = new ReentrantLock();
        volatile Sfp sfp = new Sfp();
        volatile boolean useAfterFree;
    }

    static void ethtoolVsUnbind(boolean buggy) {
        SfpBus bus = new SfpBus();
        Thread ethtool = new Worker(bus, () -> {
            bus.rtnl.lock();
            try {
                Sfp sfp = bus.sfp;
                if (sfp != null) {
                    Thread.yield(); // sleeps in the I2C read
                    if (sfp.freed) {
                        bus.useAfterFree = true; // reported by the main thread, like the other programs
                    }
                    int unused = sfp.eeprom;
                }
            } finally {
                bus.rtnl.unlock();
            }
        });
        Thread unbind = new Worker(bus, () -> {
            if (!buggy) {
                bus.rtnl.lock();
            }
            try {
                Sfp sfp = bus.sfp;
                bus.sfp = null;
                sfp.freed = true; // devm frees struct sfp
            } finally {
                if (!buggy) {
                    bus.rtnl.unlock();
                }
            }
        });
        startJoin(ethtool, unbind);
        if (bus.useAfterFree) {
            throw new AssertionError("use-after-free: ethtool read the eeprom of a freed sfp");
        }
    }
}
