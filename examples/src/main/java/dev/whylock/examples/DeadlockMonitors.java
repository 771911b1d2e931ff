package dev.whylock.examples;

/** Two threads take the same two monitors in opposite orders (AB-BA): they can deadlock. */
public class DeadlockMonitors {
    static final Object a = new Object();
    static final Object b = new Object();

    public static void main(String[] args) throws InterruptedException {
        Thread t1 = new Thread(() -> {
            synchronized (a) {
                synchronized (b) {
                    // both held
                }
            }
        }, "T1");
        Thread t2 = new Thread(() -> {
            synchronized (b) {
                synchronized (a) {
                    // both held
                }
            }
        }, "T2");
        t1.start();
        t2.start();
        t1.join();
        t2.join();
    }
}
