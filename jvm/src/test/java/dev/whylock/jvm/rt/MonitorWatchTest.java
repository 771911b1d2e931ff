package dev.whylock.jvm.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Ordinary contention, a monitor a live thread holds, is not what the watch reports as stuck. */
class MonitorWatchTest {

    @Test
    void aThreadBlockedOnAMonitorThatALiveThreadHolds_isNotStuck() throws Exception {
        Object lock = new Object();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (lock) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        holder.start();
        held.await();
        Thread waiter = new Thread(() -> {
            synchronized (lock) {
                lock.hashCode();
            }
        });
        waiter.start();
        while (waiter.getState() != Thread.State.BLOCKED) {
            Thread.onSpinWait();
        }
        assertFalse(MonitorWatch.ownerless(waiter));
        release.countDown();
        holder.join();
        waiter.join();
        assertEquals(Thread.State.TERMINATED, waiter.getState());
    }
}
