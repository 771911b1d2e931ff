package dev.whylock.junitexamples;

import dev.whylock.junit.WhylockTest;

/** A wait guarded by {@code if}: passes unless threads may wake up spuriously. */
public class SpuriousWakeupCase {
    private final Object monitor = new Object();
    private boolean ready;

    private void consume() {
        synchronized (monitor) {
            if (!ready) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (!ready) {
                throw new IllegalStateException("woke up before ready");
            }
        }
    }

    private void run() throws InterruptedException {
        Thread consumer = new Thread(this::consume, "consumer");
        Thread producer = new Thread(() -> {
            synchronized (monitor) {
                ready = true;
                monitor.notifyAll();
            }
        }, "producer");
        consumer.start();
        producer.start();
        consumer.join();
        producer.join();
    }

    @WhylockTest
    void withoutSpuriousWakeups() throws InterruptedException {
        run();
    }

    @WhylockTest(spuriousWakeups = 1)
    void withSpuriousWakeups() throws InterruptedException {
        run();
    }
}
