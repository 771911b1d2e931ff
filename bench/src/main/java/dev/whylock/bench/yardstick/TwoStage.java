package dev.whylock.bench.yardstick;

import java.util.concurrent.locks.ReentrantLock;

/**
 * SCTBench two-stage pattern: the writer updates stage one under one lock and stage two under
 * another, so a reader between the two critical sections sees stage one done and stage two not.
 */
public class TwoStage {
    static final class Stages {
        final ReentrantLock first = new ReentrantLock();
        final ReentrantLock second = new ReentrantLock();
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
            s.first.lock();
            try {
                s.one = 1;
            } finally {
                s.first.unlock();
            }
            s.second.lock();
            try {
                s.two = s.one + 1;
            } finally {
                s.second.unlock();
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
            int one;
            s.first.lock();
            try {
                one = s.one;
            } finally {
                s.first.unlock();
            }
            if (one == 0) {
                return;
            }
            s.second.lock();
            try {
                inconsistent = s.two != one + 1;
            } finally {
                s.second.unlock();
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
