package clitest;

/** A wait guarded by {@code if} instead of {@code while}: correct only if the JVM never wakes the waiter spuriously. */
public class IfWait {
    static final Object monitor = new Object();
    static boolean ready;

    public static void main(String[] args) throws InterruptedException {
        Thread consumer = new Thread(() -> {
            synchronized (monitor) {
                if (!ready) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                assert ready : "woke up before ready";
            }
        }, "consumer");
        consumer.start();
        synchronized (monitor) {
            ready = true;
            monitor.notifyAll();
        }
        consumer.join();
    }
}
