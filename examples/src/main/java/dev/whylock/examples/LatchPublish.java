package dev.whylock.examples;

import java.util.concurrent.CountDownLatch;

/** Two workers fill their halves of a result and count down; main awaits the latch before reading both. */
public class LatchPublish {
    public static void main(String[] args) throws InterruptedException {
        int[] result = new int[2];
        CountDownLatch done = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            int half = i;
            new Thread(() -> {
                result[half] = half + 1;
                done.countDown();
            }, "worker-" + i).start();
        }
        done.await();
        assert result[0] + result[1] == 3 : "sum is " + (result[0] + result[1]);
    }
}
