package dev.whylock.junitexamples;

import dev.whylock.junit.WhylockTest;
import java.util.concurrent.locks.ReentrantLock;

/** Two threads take two locks in opposite orders: a deadlock in some interleavings. */
public class DeadlockCase {
    private final ReentrantLock first = new ReentrantLock();
    private final ReentrantLock second = new ReentrantLock();

    private static void both(ReentrantLock a, ReentrantLock b) {
        a.lock();
        try {
            b.lock();
            b.unlock();
        } finally {
            a.unlock();
        }
    }

    @WhylockTest
    void oppositeOrders() throws InterruptedException {
        Thread t1 = new Thread(() -> both(first, second), "t1");
        Thread t2 = new Thread(() -> both(second, first), "t2");
        t1.start();
        t2.start();
        t1.join();
        t2.join();
    }
}
