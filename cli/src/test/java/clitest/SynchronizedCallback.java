package clitest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Two threads walk a synchronized list whose forEach calls back into the program under the JDK's own monitor. */
public class SynchronizedCallback {
    static int total;
    static final List<Integer> list = Collections.synchronizedList(new ArrayList<>(List.of(1, 2)));

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> list.forEach(x -> total += x));
        Thread b = new Thread(() -> list.forEach(x -> total += x));
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
