package dev.whylock.bench.yardstick;

/**
 * JaConTeBe pool pattern (an object pool's lost wake-up): a borrower sees the pool empty, then
 * enters the monitor and waits without looking again; a return that comes in between notifies
 * nobody, and the borrower waits forever.
 */
public class PoolMissedNotify {
    static final class Pool {
        int idle;

        Object borrow() throws InterruptedException {
            if (idle == 0) {
                synchronized (this) {
                    wait();
                }
            }
            synchronized (this) {
                idle--;
            }
            return new Object();
        }

        void giveBack() {
            synchronized (this) {
                idle++;
                notifyAll();
            }
        }
    }

    static final class Borrower extends Thread {
        private final Pool p;

        Borrower(Pool p) {
            this.p = p;
        }

        @Override
        public void run() {
            try {
                p.borrow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static final class Returner extends Thread {
        private final Pool p;

        Returner(Pool p) {
            this.p = p;
        }

        @Override
        public void run() {
            p.giveBack();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Pool p = new Pool();
        Borrower b = new Borrower(p);
        Returner r = new Returner(p);
        b.start();
        r.start();
        b.join();
        r.join();
    }
}
