package jvmtest;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The classic {@code if (!ready) wait();}: correct as long as the JVM never wakes a waiter without a
 * notify, which it may. With {@code while} the waiter checks again. The same with a Condition.
 */
public class SpuriousWakeups {
    static final Object monitor = new Object();
    static final ReentrantLock lock = new ReentrantLock();
    static final Condition readyCondition = lock.newCondition();
    static boolean ready;

    static void run2(Runnable a, Runnable b) throws InterruptedException {
        Thread t1 = new Thread(a, "consumer");
        Thread t2 = new Thread(b, "producer");
        t1.start();
        t2.start();
        t1.join();
        t2.join();
    }

    static void publish() {
        synchronized (monitor) {
            ready = true;
            monitor.notifyAll();
        }
    }

    /** BUG (only with spurious wake-ups): waits with {@code if}. */
    public static void waitWithIf() throws InterruptedException {
        run2(() -> {
            synchronized (monitor) {
                if (!ready) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                assert ready : "woke up before ready";
            }
        }, SpuriousWakeups::publish);
    }

    /** Correct: waits with {@code while}. */
    public static void waitWithWhile() throws InterruptedException {
        run2(() -> {
            synchronized (monitor) {
                while (!ready) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                assert ready : "woke up before ready";
            }
        }, SpuriousWakeups::publish);
    }

    /** BUG (only with spurious wake-ups): awaits a Condition with {@code if}. */
    public static void awaitWithIf() throws InterruptedException {
        run2(() -> {
            lock.lock();
            try {
                if (!ready) {
                    readyCondition.awaitUninterruptibly();
                }
                assert ready : "woke up before ready";
            } finally {
                lock.unlock();
            }
        }, () -> {
            lock.lock();
            try {
                ready = true;
                readyCondition.signal();
            } finally {
                lock.unlock();
            }
        });
    }
}
