package statics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * An enum singleton holding state (only a fresh class loader resets it), an immutable enum used
 * through the JDK's enum caches, and an interface constant holding state.
 */
public class EnumState {
    static volatile int order;

    enum Registry {
        INSTANCE;
        final List<String> items = new ArrayList<>();
    }

    enum Color { RED, GREEN }

    interface Shared {
        List<String> NAMES = new ArrayList<>();
    }

    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> {
            order = 1;
            Registry.INSTANCE.items.add("t");
            Shared.NAMES.add("t");
        });
        t.start();
        order = 2; // races with the thread's write: more than one execution, so state left by one would show in the next
        t.join();
        Color c = Color.valueOf("GREEN");
        boolean same = c == Color.GREEN && EnumSet.allOf(Color.class).contains(Color.RED) && Color.values()[1] == c;
        switch (c) {
            case RED -> Registry.INSTANCE.items.add("red");
            case GREEN -> Registry.INSTANCE.items.add("green");
        }
        assert same && Registry.INSTANCE.items.size() == 2 && Shared.NAMES.size() == 1
                : "enum " + Registry.INSTANCE.items + ", interface " + Shared.NAMES + ", same constants " + same;
    }
}
