package dev.whylock.bench.yardstick;

/**
 * SCTBench lazy pattern: three threads each hold the lock for their step, but the checker assumes
 * it runs before both adders have; only one order of the three critical sections breaks it.
 */
public class LazyOrder {
    static final class Data {
        int value;
    }

    static final class Add extends Thread {
        private final Data d;
        private final int by;

        Add(Data d, int by) {
            this.d = d;
            this.by = by;
        }

        @Override
        public void run() {
            synchronized (d) {
                d.value += by;
            }
        }
    }

    static final class Check extends Thread {
        private final Data d;
        boolean late;

        Check(Data d) {
            this.d = d;
        }

        @Override
        public void run() {
            synchronized (d) {
                late = d.value >= 3;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Data d = new Data();
        Add one = new Add(d, 1);
        Add two = new Add(d, 2);
        Check c = new Check(d);
        one.start();
        two.start();
        c.start();
        one.join();
        two.join();
        c.join();
        if (c.late) {
            throw new AssertionError("the check ran after both additions");
        }
    }
}
