package dev.whylock.jvm.stress;

import java.util.concurrent.locks.ReentrantLock;

/** Programs whose real-thread outcome shows whether a stress run removed an acquisition (line numbers are pinned in {@link JavaStressTest}). */
final class StressPrograms {
    private StressPrograms() {}

    /** Fails while its monitor is held at line 14: removing that acquisition makes it pass. */
    static final class HoldsMonitor {
        static final Object LOCK = new Object();

        public static void main(String[] args) {
            synchronized (LOCK) {
                if (Thread.holdsLock(LOCK)) {
                    throw new AssertionError("the monitor is held");
                }
            }
        }
    }

    /** Fails while its ReentrantLock is held after line 27: removing that lock() makes it pass, and its unlock() must not throw. */
    static final class HoldsLock {
        static final ReentrantLock LOCK = new ReentrantLock();

        public static void main(String[] args) {
            LOCK.lock();
            try {
                if (LOCK.isHeldByCurrentThread()) {
                    throw new AssertionError("the lock is held");
                }
            } finally {
                LOCK.unlock();
            }
        }
    }

    /** Notifies in the region taken at line 43: on real threads that needs the monitor. */
    static final class Notifies {
        static final Object LOCK = new Object();

        public static void main(String[] args) {
            synchronized (LOCK) {
                LOCK.notifyAll();
            }
        }
    }

    /** Waits for a notify that never comes. */
    static final class Hangs {
        static final Object LOCK = new Object();

        public static void main(String[] args) throws InterruptedException {
            synchronized (LOCK) {
                LOCK.wait();
            }
        }
    }
}
