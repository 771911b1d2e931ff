package dev.whylock.bench.yardstick;

import java.util.concurrent.locks.ReentrantLock;

/** {@link TwoStage} corrected: both stages under one lock, held across the whole update and the whole read. */
public class TwoStageFixed {
    static final class Stages {
        final ReentrantLock lock = new ReentrantLock();
        int one;
        int two;
    }

    static final class Writer extends Thread {
        private final Stages s;

        Writer(Stages s) {
            this.s = s;
        }

        @Override
        public void run() {
            s.lock.lock();
            try {
                s.one = 1;
                s.two = s.one + 1;
            } finally {
                s.lock.unlock();
            }
        }
    }

    static final class Reader extends Thread {
        private final Stages s;
        boolean inconsistent;

        Reader(Stages s) {
            this.s = s;
        }

        @Override
        public void run() {
            s.lock.lock();
            try {
                inconsistent = s.one != 0 && s.two != s.one + 1;
            } finally {
                s.lock.unlock();
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Stages s = new Stages();
        Writer w = new Writer(s);
        Reader r = new Reader(s);
        w.start();
        r.start();
        w.join();
        r.join();
        if (r.inconsistent) {
            throw new AssertionError("stage one was visible without stage two");
        }
    }
}
