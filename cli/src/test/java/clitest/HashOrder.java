package clitest;

import java.util.HashSet;
import java.util.Set;

/**
 * Whether this program fails depends on the iteration order of a HashSet of objects that hash by
 * identity: it replays only if identity hash codes repeat from one JVM to the next.
 */
public class HashOrder {
    static final class Item {
        final int id;

        Item(int id) {
            this.id = id;
        }
    }

    static int last;

    public static void main(String[] args) throws InterruptedException {
        Set<Item> items = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            items.add(new Item(i + 1));
        }
        int first = items.iterator().next().id;
        Thread writer = new Thread(() -> last = first);
        writer.start();
        int seen = last;
        writer.join();
        assert seen == 0 || seen != first : "saw the first item " + seen + " before the writer finished";
    }
}
