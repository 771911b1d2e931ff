package statics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Static state of every kind, changed by two threads under a lock: each execution must start from the initial values. */
public class StaticCounter {
    static int count;
    static long total = 10;
    static final List<String> log = new ArrayList<>();
    static final AtomicInteger ticks = new AtomicInteger();
    static String last;

    static synchronized void add(String who) {
        count++;
        total += 5;
        log.add(who);
        last = who;
        ticks.incrementAndGet();
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> add("a"));
        Thread b = new Thread(() -> add("b"));
        a.start();
        b.start();
        a.join();
        b.join();
        assert count == 2 && total == 20 && log.size() == 2 && ticks.get() == 2 : "state carried over: count " + count
                + ", total " + total + ", log " + log + ", ticks " + ticks;
    }
}
