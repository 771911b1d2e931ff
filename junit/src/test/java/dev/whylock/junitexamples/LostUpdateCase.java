package dev.whylock.junitexamples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whylock.junit.WhylockTest;
import org.junit.jupiter.api.BeforeEach;

/** A test that fails under whylock in some interleavings: two threads increment a plain field. */
public class LostUpdateCase {
    private int hits;
    private int resets;

    @BeforeEach
    void reset() {
        hits = 0;
        resets++;
    }

    @WhylockTest
    protected void twoThreadsIncrement() throws InterruptedException {
        Thread a = new Thread(() -> hits++);
        Thread b = new Thread(() -> hits++);
        a.start();
        b.start();
        a.join();
        b.join();
        assertEquals(1, resets, "@BeforeEach ran once in this execution, on this instance");
        assertEquals(2, hits);
    }
}
