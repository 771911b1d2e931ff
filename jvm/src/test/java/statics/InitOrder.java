package statics;

import java.util.ArrayList;
import java.util.List;

/** Static initialisers run when the JVM would run them (first new, static call, static field access; superclass first), once per execution. */
public class InitOrder {
    static volatile int order;

    static final List<String> events = new ArrayList<>();

    static class Sup {
        static int inherited = 7;
        static {
            events.add("Sup");
        }
    }

    static class Sub extends Sup {
        static {
            events.add("Sub");
        }

        static void touch() {
            events.add("Sub.touch");
        }
    }

    static class Made {
        static {
            events.add("Made");
        }
    }

    static class Read {
        static int x = 5;
        static {
            events.add("Read");
        }
    }

    public static void main(String[] args) throws InterruptedException {
        events.add("main");
        int seen = Sub.inherited; // the declaring class only: Sup, not Sub
        events.add("inherited " + seen);
        new Made();
        Thread t = new Thread(() -> {
            order = 1;
            events.add("Read.x " + Read.x);
        });
        t.start();
        order = 2; // races with the thread's write: more than one execution, so state left by one would show in the next
        t.join();
        Sub.touch();
        new Made();
        List<String> expected = List.of("main", "Sup", "inherited 7", "Made", "Read", "Read.x 5", "Sub", "Sub.touch");
        assert events.equals(expected) : "initialisation order " + events + ", expected " + expected;
    }
}
