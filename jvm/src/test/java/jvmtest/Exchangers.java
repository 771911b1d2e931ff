package jvmtest;

import java.util.concurrent.Exchanger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Programs over {@link Exchanger}: two threads swap items (correct); a producer that keeps writing
 * the buffer it handed over (found); a timed exchange that assumes a partner comes in time (found)
 * and one that handles the timeout.
 */
public class Exchangers {

    /** Correct: A and main swap their items. */
    public static void pair() throws InterruptedException {
        Exchanger<String> ex = new Exchanger<>();
        String[] gotA = new String[1];
        Thread a = new Thread(() -> {
            try {
                gotA[0] = ex.exchange("from A");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "A");
        a.start();
        String got = ex.exchange("from main");
        a.join();
        assert got.equals("from A") && gotA[0].equals("from main") : got + " / " + gotA[0];
    }

    /** BUG: the producer keeps writing the buffer it handed over in the exchange. */
    public static void bufferReused() throws InterruptedException {
        Exchanger<int[]> ex = new Exchanger<>();
        Thread producer = new Thread(() -> {
            int[] mine = new int[1];
            mine[0] = 1;
            try {
                ex.exchange(mine);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            mine[0] = 2;
        }, "producer");
        producer.start();
        int[] got = ex.exchange(new int[1]);
        assert got[0] == 1 : "the buffer changed after the exchange: " + got[0];
        producer.join();
    }

    /** BUG: a timed exchange assumes its partner comes in time. */
    public static void timedAssumed() throws InterruptedException {
        Exchanger<Integer> ex = new Exchanger<>();
        Thread a = new Thread(() -> {
            try {
                ex.exchange(1, 10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException | TimeoutException e) {
                throw new IllegalStateException("no partner in time", e);
            }
        }, "A");
        a.start();
        try {
            ex.exchange(2, 10, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // main gives up quietly
        }
        a.join();
    }

    /** Correct: both sides handle the timeout; whoever got an item got the other's. */
    public static void timedHandled() throws InterruptedException {
        Exchanger<Integer> ex = new Exchanger<>();
        int[] gotA = {0};
        Thread a = new Thread(() -> {
            try {
                gotA[0] = ex.exchange(1, 10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException | TimeoutException e) {
                gotA[0] = -1;
            }
        }, "A");
        a.start();
        int got;
        try {
            got = ex.exchange(2, 10, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            got = -1;
        }
        a.join();
        assert (got == 1) == (gotA[0] == 2) : "one-sided exchange: main " + got + ", A " + gotA[0];
        assert got == 1 || got == -1 : "main got " + got;
    }
}
