package dev.whylock.bench.yardstick;

/**
 * SCTBench wrong-lock pattern: two threads update one counter, each under a lock of its own, so the
 * locks exclude nothing and an increment is lost.
 */
public class WrongLock {
    static final class Counter {
        int value;
    }

    static final class Adder extends Thread {
        private final Counter c;
        private final Object lock;

        Adder(Counter c, Object lock) {
            this.c = c;
            this.lock = lock;
        }

        @Override
        public void run() {
            synchronized (lock) {
                c.value++;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Counter c = new Counter();
        Adder a = new Adder(c, new Object());
        Adder b = new Adder(c, new Object());
        a.start();
        b.start();
        a.join();
        b.join();
        if (c.value != 2) {
            throw new AssertionError("an increment was lost: " + c.value);
        }
    }
}
