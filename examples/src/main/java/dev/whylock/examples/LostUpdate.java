package dev.whylock.examples;

/** Two threads increment a shared counter without a lock: one increment can be lost. */
public class LostUpdate {
    static int counter;

    static void increment() {
        counter++;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(LostUpdate::increment);
        Thread b = new Thread(LostUpdate::increment);
        a.start();
        b.start();
        a.join();
        b.join();
        assert counter == 2 : "counter is " + counter + ", expected 2";
    }
}
