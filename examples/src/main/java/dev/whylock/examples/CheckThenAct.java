package dev.whylock.examples;

/** A reader checks a reference for null and then uses it, while another thread clears it in between. */
public class CheckThenAct {
    static final class Node {
        int value = 1;
    }

    static Node node = new Node();

    public static void main(String[] args) throws InterruptedException {
        Thread user = new Thread(() -> {
            if (node != null) {
                int unused = node.value;
            }
        }, "user");
        Thread clear = new Thread(() -> node = null, "clear");
        user.start();
        clear.start();
        user.join();
        clear.join();
    }
}
