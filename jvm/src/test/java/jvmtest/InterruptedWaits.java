package jvmtest;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Waits that only an interrupt can end: a join of a thread that never finishes on its own, a latch
 * nobody counts down, a future whose task waits for that latch. Each waiter must leave with
 * InterruptedException; otherwise every thread waits forever (a deadlock).
 */
public class InterruptedWaits {
    static volatile boolean sawInterrupt;

    public static void joinInterrupted() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Thread stuck = new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                // ends the thread
            }
        });
        Thread joiner = new Thread(() -> {
            try {
                stuck.join();
            } catch (InterruptedException e) {
                sawInterrupt = true;
                stuck.interrupt();
            }
        });
        stuck.start();
        joiner.start();
        joiner.interrupt();
        joiner.join();
        stuck.join();
        assert sawInterrupt : "the join was not interrupted";
    }

    public static void latchInterrupted() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                sawInterrupt = true;
            }
        });
        waiter.start();
        waiter.interrupt();
        waiter.join();
        assert sawInterrupt : "the latch wait was not interrupted";
    }

    public static void futureGetInterrupted() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> f = pool.submit(() -> {
            never.await();
            return null;
        });
        Thread getter = new Thread(() -> {
            try {
                f.get();
            } catch (InterruptedException e) {
                sawInterrupt = true;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        });
        getter.start();
        getter.interrupt();
        getter.join();
        never.countDown();
        pool.shutdown();
        assert sawInterrupt : "the future's get was not interrupted";
    }
}
