package dev.whylock.junitdemo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whylock.junit.WhylockTest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Passing @WhylockTest methods, run by plain Surefire like any test: every interleaving is correct. */
class GuardedCounterTest {
    private final Object lock = new Object();
    private int count;
    private final AtomicInteger atomic = new AtomicInteger();

    @WhylockTest
    void synchronizedIncrements_neverLoseAnUpdate() throws InterruptedException {
        Runnable inc = () -> {
            synchronized (lock) {
                count++;
            }
        };
        Thread a = new Thread(inc);
        Thread b = new Thread(inc);
        a.start();
        b.start();
        a.join();
        b.join();
        synchronized (lock) {
            assertEquals(2, count);
        }
    }

    @WhylockTest
    void atomicIncrementsOnAPool_neverLoseAnUpdate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        var f1 = pool.submit(() -> atomic.incrementAndGet());
        var f2 = pool.submit(() -> atomic.incrementAndGet());
        f1.get();
        f2.get();
        pool.shutdown();
        assertEquals(2, atomic.get());
    }
}
