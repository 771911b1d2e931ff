package jvmtest;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Programs over {@link SynchronousQueue}: a hand-off of two items in order (clean, also through the
 * BlockingQueue interface); a put nobody takes (found: a deadlock); an offer that assumes a
 * consumer already waits (found) and one that falls back to put (clean); a timed poll that
 * assumes the producer comes in time (found) and one that handles null (clean).
 */
public class SynchronousQueues {

    /** Starts a consumer that takes one item into {@code got[0]}. */
    private static Thread consumer(SynchronousQueue<Integer> q, int[] got) {
        Thread c = new Thread(() -> {
            try {
                got[0] = q.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "consumer");
        c.start();
        return c;
    }

    /** Correct: the producer hands over 1 and 2; the consumer takes them in order. */
    public static void handOff() throws InterruptedException {
        SynchronousQueue<Integer> q = new SynchronousQueue<>();
        Thread p = new Thread(() -> {
            try {
                q.put(1);
                q.put(2);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "producer");
        p.start();
        int a = q.take();
        int b = q.take();
        p.join();
        assert a == 1 && b == 2 : a + ", " + b;
    }

    /** Correct: the same through the BlockingQueue interface, with a fair queue. */
    public static void handOffInterface() throws InterruptedException {
        BlockingQueue<String> q = new SynchronousQueue<>(true);
        Thread c = new Thread(() -> {
            try {
                String s = q.take();
                assert s.equals("x") : s;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "consumer");
        c.start();
        q.put("x");
        c.join();
        assert q.isEmpty() && q.size() == 0 && q.poll() == null;
    }

    /** BUG: main puts a second item that nobody takes: a deadlock. */
    public static void putWithoutTaker() throws InterruptedException {
        SynchronousQueue<Integer> q = new SynchronousQueue<>();
        Thread c = consumer(q, new int[1]);
        q.put(1);
        q.put(2);
        c.join();
    }

    /** BUG: offer succeeds only when the consumer already waits. */
    public static void offerAssumed() throws InterruptedException {
        SynchronousQueue<Integer> q = new SynchronousQueue<>();
        Thread c = consumer(q, new int[1]);
        boolean handed = q.offer(1);
        assert handed : "nobody was waiting for the item";
        c.join();
    }

    /** Correct: when the offer finds nobody, put waits for the consumer. */
    public static void offerOrPut() throws InterruptedException {
        SynchronousQueue<Integer> q = new SynchronousQueue<>();
        int[] got = new int[1];
        Thread c = consumer(q, got);
        if (!q.offer(1)) {
            q.put(1);
        }
        c.join();
        assert got[0] == 1 : got[0];
    }

    /** Starts a producer that offers 7 for up to 20 ms; {@code sent[0]}: whether it was taken. */
    private static Thread timedProducer(SynchronousQueue<Integer> q, boolean[] sent) {
        Thread p = new Thread(() -> {
            try {
                sent[0] = q.offer(7, 20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "producer");
        p.start();
        return p;
    }

    /** BUG: a timed poll assumes the producer comes in time. */
    public static void timedPollAssumed() throws InterruptedException {
        SynchronousQueue<Integer> q = new SynchronousQueue<>();
        Thread p = timedProducer(q, new boolean[1]);
        Integer got = q.poll(10, TimeUnit.MILLISECONDS);
        p.join();
        assert got != null && got == 7 : "no item in time";
    }

    /** Correct: a timed poll and a timed offer that both accept failure; an item is handed over at most once. */
    public static void timedHandled() throws InterruptedException {
        SynchronousQueue<Integer> q = new SynchronousQueue<>();
        boolean[] sent = new boolean[1];
        Thread p = timedProducer(q, sent);
        Integer got = q.poll(10, TimeUnit.MILLISECONDS);
        p.join();
        assert (got != null) == sent[0] : "got " + got + ", sent " + sent[0];
    }
}
