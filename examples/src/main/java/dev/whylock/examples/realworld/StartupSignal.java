package dev.whylock.examples.realworld;

/**
 * A service waits until its worker has started. The worker sets {@code started} and notifies; the
 * service checks {@code started} before it takes the monitor and then waits without checking
 * again. When the worker's notify falls between the check and the wait, nobody wakes the service
 * (a missed notify).
 */
public class StartupSignal {
    private final Object monitor = new Object();
    private volatile boolean started;

    void awaitStarted() throws InterruptedException {
        if (!started) {
            synchronized (monitor) {
                monitor.wait();
            }
        }
    }

    void markStarted() {
        started = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        StartupSignal signal = new StartupSignal();
        Thread worker = new Thread(signal::markStarted, "worker");
        worker.start();
        signal.awaitStarted();
        worker.join();
    }
}
