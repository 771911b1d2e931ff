package dev.whylock.examples;

/** The waiter waits without checking a condition: a notify that comes first is lost and it waits forever. */
public class MissedNotify {
    static final Object lock = new Object();

    public static void main(String[] args) throws InterruptedException {
        Thread waiter = new Thread(() -> {
            synchronized (lock) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "waiter");
        Thread notifier = new Thread(() -> {
            synchronized (lock) {
                lock.notify();
            }
        }, "notifier");
        waiter.start();
        notifier.start();
        waiter.join();
        notifier.join();
    }
}
