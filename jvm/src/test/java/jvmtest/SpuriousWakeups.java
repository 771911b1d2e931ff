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

    static void publish() {
        synchronized (monitor) {
            ready = true;
            monitor.notifyAll();
        }
    }

    /** Waits for ready on the monitor, checking once ({@code recheck} false) or in a loop. */
    static void consume(boolean recheck) {
        synchronized (monitor) {
            boolean first = true;
            while (!ready && (first || recheck)) {
                first = false;
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            assert ready : "woke up before ready";
        }
    }

    /** BUG (only with spurious wake-ups): waits with {@code if}. */
    public static void waitWithIf() throws InterruptedException {
        Two.run(() -> consume(false), SpuriousWakeups::publish);
    }

    /** Correct: waits with {@code while}. */
    public static void waitWithWhile() throws InterruptedException {
        Two.run(() -> consume(true), SpuriousWakeups::publish);
    }

    /** BUG (only with spurious wake-ups): awaits a Condition with {@code if}. */
    public static void awaitWithIf() throws InterruptedException {
        Two.run(() -> {
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
