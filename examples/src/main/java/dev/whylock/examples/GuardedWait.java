package dev.whylock.examples;

/** The fix of {@link MissedNotify}: the waiter waits in a loop on a condition set under the monitor. */
public class GuardedWait {
    static final Object lock = new Object();
    static boolean ready;

    public static void main(String[] args) throws InterruptedException {
        Thread waiter = new Thread(() -> {
            synchronized (lock) {
                while (!ready) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }, "waiter");
        Thread notifier = new Thread(() -> {
            synchronized (lock) {
                ready = true;
                lock.notify();
            }
        }, "notifier");
        waiter.start();
        notifier.start();
        waiter.join();
        notifier.join();
    }
}
