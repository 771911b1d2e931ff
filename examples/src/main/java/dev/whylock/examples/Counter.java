package dev.whylock.examples;

/** A counter whose increment is synchronized; {@code whylock why} shows what the monitor protects. */
public class Counter {
    private int count;

    public synchronized void increment() {
        count++;
    }

    public synchronized int get() {
        return count;
    }

    public static void main(String[] args) throws InterruptedException {
        Counter c = new Counter();
        Thread a = new Thread(c::increment);
        Thread b = new Thread(c::increment);
        a.start();
        b.start();
        a.join();
        b.join();
        if (c.get() != 2) {
            throw new AssertionError("count is " + c.get() + ", expected 2");
        }
    }
}
