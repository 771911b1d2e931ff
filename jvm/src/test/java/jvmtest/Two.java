package jvmtest;

/** The shape the test programs share: two threads, A and B, started and joined by main. */
final class Two {
    private Two() {}

    static void run(Runnable a, Runnable b) throws InterruptedException {
        Thread t1 = new Thread(a, "A");
        Thread t2 = new Thread(b, "B");
        t1.start();
        t2.start();
        t1.join();
        t2.join();
    }
}
