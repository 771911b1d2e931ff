package dev.whylock.bench.yardstick;

/**
 * SCTBench reorder pattern: setters write a pair of plain fields one after the other; a checker
 * that reads between the two writes sees a pair no setter ever meant.
 */
public class Reorder {
    static final class Pair {
        int a;
        int b;
    }

    static final class Setter extends Thread {
        private final Pair p;

        Setter(Pair p) {
            this.p = p;
        }

        @Override
        public void run() {
            p.a = 1;
            p.b = -1;
        }
    }

    static final class Checker extends Thread {
        private final Pair p;
        boolean torn;

        Checker(Pair p) {
            this.p = p;
        }

        @Override
        public void run() {
            int x = p.a;
            int y = p.b;
            torn = !(x == 0 && y == 0 || x == 1 && y == -1);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Pair p = new Pair();
        Setter s1 = new Setter(p);
        Setter s2 = new Setter(p);
        Checker c = new Checker(p);
        s1.start();
        s2.start();
        c.start();
        s1.join();
        s2.join();
        c.join();
        if (c.torn) {
            throw new AssertionError("the checker saw a half-written pair");
        }
    }
}
