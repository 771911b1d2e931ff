package dev.whylock.bench.yardstick;

import java.util.concurrent.ConcurrentHashMap;

/**
 * JaConTeBe cache pattern (check-then-act on a concurrent map): two threads look a key up, both
 * miss, and both create and put a value, so callers end up holding different instances for one key.
 */
public class CacheCheckThenAct {
    static final class Registry {
        final ConcurrentHashMap<String, Object> byName = new ConcurrentHashMap<>();

        Object get(String name) {
            Object v = byName.get(name);
            if (v == null) {
                v = new Object();
                byName.put(name, v);
            }
            return v;
        }
    }

    static final class Lookup extends Thread {
        private final Registry r;
        Object got;

        Lookup(Registry r) {
            this.r = r;
        }

        @Override
        public void run() {
            got = r.get("meta");
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Registry r = new Registry();
        Lookup a = new Lookup(r);
        Lookup b = new Lookup(r);
        a.start();
        b.start();
        a.join();
        b.join();
        if (a.got != b.got) {
            throw new AssertionError("two instances were created for one key");
        }
    }
}
