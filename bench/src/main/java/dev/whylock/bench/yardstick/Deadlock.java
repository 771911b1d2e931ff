package dev.whylock.bench.yardstick;

import java.util.concurrent.locks.ReentrantLock;

/** SCTBench deadlock pattern: two threads take two ReentrantLocks in opposite orders. */
public class Deadlock {
    static final class Both extends Thread {
        private final ReentrantLock outer;
        private final ReentrantLock inner;

        Both(ReentrantLock outer, ReentrantLock inner) {
            this.outer = outer;
            this.inner = inner;
        }

        @Override
        public void run() {
            outer.lock();
            try {
                inner.lock();
                inner.unlock();
            } finally {
                outer.unlock();
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        Both t1 = new Both(a, b);
        Both t2 = new Both(b, a);
        t1.start();
        t2.start();
        t1.join();
        t2.join();
    }
}
