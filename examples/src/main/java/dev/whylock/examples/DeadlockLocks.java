package dev.whylock.examples;

import java.util.concurrent.locks.ReentrantLock;

/** AB-BA with {@link ReentrantLock}s instead of monitors. */
public class DeadlockLocks {
    static final ReentrantLock a = new ReentrantLock();
    static final ReentrantLock b = new ReentrantLock();

    static void both(ReentrantLock first, ReentrantLock second) {
        first.lock();
        try {
            second.lock();
            second.unlock();
        } finally {
            first.unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread t1 = new Thread(() -> both(a, b), "T1");
        Thread t2 = new Thread(() -> both(b, a), "T2");
        t1.start();
        t2.start();
        t1.join();
        t2.join();
    }
}
