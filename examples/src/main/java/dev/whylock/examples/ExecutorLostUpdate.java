package dev.whylock.examples;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Two tasks submitted to a thread pool increment a shared counter without a lock. */
public class ExecutorLostUpdate {
    static int hits;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> a = pool.submit(() -> hits++);
        Future<?> b = pool.submit(() -> hits++);
        a.get();
        b.get();
        pool.shutdown();
        assert hits == 2 : "hits is " + hits + ", expected 2";
    }
}
