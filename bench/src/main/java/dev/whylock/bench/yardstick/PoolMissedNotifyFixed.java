package dev.whylock.bench.yardstick;

/** {@link PoolMissedNotify} corrected: the borrower tests and waits in a loop inside the monitor. */
public class PoolMissedNotifyFixed {
    static final class Pool {
        int idle;

        synchronized Object borrow() throws InterruptedException {
            while (idle == 0) {
                wait();
            }
            idle--;
            return new Object();
        }

        synchronized void giveBack() {
            idle++;
            notifyAll();
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
