package dev.whylock.bench.yardstick;

/**
 * SCTBench circular-buffer pattern: a producer and a consumer share a ring buffer whose fill count
 * both update without a lock; an update is lost and the consumer reads a slot twice or skips one.
 */
public class RingBuffer {
    static final class Ring {
        final int[] slots = new int[2];
        int first;
        int next;
        int count;
    }

    static final class Producer extends Thread {
        private final Ring r;

        Producer(Ring r) {
            this.r = r;
        }

        @Override
        public void run() {
            for (int i = 1; i <= 2; i++) {
                if (r.count < r.slots.length) {
                    r.slots[r.next] = i;
                    r.next = (r.next + 1) % r.slots.length;
                    r.count++;
                }
            }
        }
    }

    static final class Consumer extends Thread {
        private final Ring r;
        int sum;
        int taken;

        Consumer(Ring r) {
            this.r = r;
        }

        @Override
        public void run() {
            for (int i = 0; i < 2; i++) {
                if (r.count > 0) {
                    sum += r.slots[r.first];
                    r.first = (r.first + 1) % r.slots.length;
                    r.count--;
                    taken++;
                }
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Ring r = new Ring();
        Producer p = new Producer(r);
        Consumer c = new Consumer(r);
        p.start();
        c.start();
        p.join();
        c.join();
        int left = 0;
        for (int i = 0; i < r.count; i++) {
            left += r.slots[(r.first + i) % r.slots.length];
        }
        if (c.sum + left != 3) {
            throw new AssertionError("items lost or duplicated: consumed " + c.sum + ", left " + left);
        }
    }
}
