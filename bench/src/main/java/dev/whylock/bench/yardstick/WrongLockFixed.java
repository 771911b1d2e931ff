package dev.whylock.bench.yardstick;

/** {@link WrongLock} corrected: both threads lock the counter itself. */
public class WrongLockFixed {
    static final class Counter {
        int value;
    }

    static final class Adder extends Thread {
        private final Counter c;

        Adder(Counter c) {
            this.c = c;
        }

        @Override
        public void run() {
            synchronized (c) {
                c.value++;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Counter c = new Counter();
        Adder a = new Adder(c);
        Adder b = new Adder(c);
        a.start();
        b.start();
        a.join();
        b.join();
        synchronized (c) {
            if (c.value != 2) {
                throw new AssertionError("an increment was lost: " + c.value);
            }
        }
    }
}
