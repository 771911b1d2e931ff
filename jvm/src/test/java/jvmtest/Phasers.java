package jvmtest;

import java.util.concurrent.Phaser;

/**
 * Programs over {@link Phaser}, each a bug and its correct version: a party reads what the other
 * wrote in the same phase without waiting for the advance (it may see the old value), and waits
 * with arriveAndAwaitAdvance; a worker that leaves with arriveAndDeregister while main awaits the
 * advance; a party registered too late (deadlock); onAdvance that terminates the phaser.
 */
public class Phasers {
    static int a;
    static int b;

    /** BUG: each party writes its value, arrives, and reads the other's without awaiting the advance. */
    public static void arriveWithoutAwait() throws InterruptedException {
        Phaser p = new Phaser(2);
        Thread t = new Thread(() -> {
            a = 1;
            p.arrive();
            assert b == 1 : "saw b = " + b;
        }, "A");
        t.start();
        b = 1;
        p.arriveAndAwaitAdvance();
        t.join();
    }

    /** Correct: both parties await the advance before reading. */
    public static void arriveAndAwait() throws InterruptedException {
        Phaser p = new Phaser(2);
        Thread t = new Thread(() -> {
            a = 1;
            int next = p.arriveAndAwaitAdvance();
            assert next == 1 : "next phase " + next;
            assert b == 1 : "saw b = " + b;
        }, "A");
        t.start();
        b = 1;
        p.arriveAndAwaitAdvance();
        assert a == 1 : "saw a = " + a;
        t.join();
        assert p.getPhase() == 1 : "phase " + p.getPhase();
    }

    /** Correct: a worker registers, arrives and deregisters; main awaits the advance of phase 0 and reads its value. */
    public static void deregister() throws InterruptedException {
        Phaser p = new Phaser(1);
        p.register();
        Thread t = new Thread(() -> {
            a = 5;
            p.arriveAndDeregister();
        }, "worker");
        t.start();
        int phase = p.arrive();
        p.awaitAdvance(phase);
        assert a == 5 : "saw a = " + a;
        assert p.getRegisteredParties() == 1 : "registered " + p.getRegisteredParties();
        t.join();
    }

    /**
     * BUG: main registers the worker's party only after starting it, so the worker's arrival may come
     * first and advance the phase alone; main then waits for an arrival that never comes.
     */
    public static void registerTooLate() throws InterruptedException {
        Phaser p = new Phaser(1);
        Thread t = new Thread(() -> {
            a = 1;
            p.arrive();
        }, "worker");
        t.start();
        p.register();
        p.arriveAndAwaitAdvance();
        t.join();
    }

    /** Correct: onAdvance ends the phaser after phase 0; later waits return at once with a negative phase. */
    public static void terminateOnAdvance() throws InterruptedException {
        Phaser p = new Phaser(2) {
            @Override
            protected boolean onAdvance(int phase, int parties) {
                b = 7;
                return true;
            }
        };
        Thread t = new Thread(p::arriveAndAwaitAdvance, "A");
        t.start();
        int r = p.arriveAndAwaitAdvance();
        assert r < 0 && p.isTerminated() : "phase after termination " + r;
        assert b == 7 : "onAdvance did not run first";
        assert p.awaitAdvance(0) < 0 : "awaitAdvance on a terminated phaser";
        t.join();
    }
}
