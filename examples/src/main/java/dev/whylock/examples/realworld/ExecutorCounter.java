package dev.whylock.examples.realworld;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Page views counted by request handlers running on a thread pool. The counter's methods are
 * synchronized; the total is read after every handler's Future completed.
 */
public class ExecutorCounter {
    static final class Stats {
        @GuardedBy("this")
        private int views;

        synchronized void record() {
            views++;
        }

        synchronized int views() {
            return views;
        }
    }

    public static void main(String[] args) throws Exception {
        Stats stats = new Stats();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> home = pool.submit(stats::record);
        Future<?> about = pool.submit(stats::record);
        home.get();
        about.get();
        pool.shutdown();
        if (stats.views() != 2) {
            throw new AssertionError("views is " + stats.views() + ", expected 2");
        }
    }
}
