package clitest;

import java.util.List;
import java.util.Vector;

/**
 * Two threads walk a program's own subclass of Vector: the calls are typed with the program's class,
 * so whylock does not see them as collection calls, and the inherited forEach calls back into the
 * program under the JDK's own monitor.
 */
public class VectorCallback {
    static int total;
    static final Numbers list = new Numbers();

    /** The program's own vector. */
    static class Numbers extends Vector<Integer> {
        Numbers() {
            super(List.of(1, 2));
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> list.forEach(x -> total += x));
        Thread b = new Thread(() -> list.forEach(x -> total += x));
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
