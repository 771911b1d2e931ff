package dev.whylock.examples.realworld;

import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.concurrent.GuardedBy;

/**
 * Prices loaded on first use and kept in a ConcurrentHashMap. {@code get} checks the map, then
 * loads and puts: each call on the map is atomic, the pair is not, so two threads that miss
 * together both load (check-then-act). The statistics are counted under the cache's monitor, which
 * does not cover the check-then-act.
 */
public class LazyCache {
    private final ConcurrentHashMap<String, Integer> prices = new ConcurrentHashMap<>();
    @GuardedBy("this")
    private int loads;
    @GuardedBy("this")
    private int hits;

    Integer get(String item) {
        Integer price = prices.get(item);
        if (price == null) {
            price = load(item);
            prices.put(item, price);
        } else {
            synchronized (this) {
                hits++;
            }
        }
        return price;
    }

    private Integer load(String item) {
        synchronized (this) {
            loads++;
        }
        return item.length() * 10;
    }

    synchronized int loads() {
        return loads;
    }

    public static void main(String[] args) throws InterruptedException {
        LazyCache cache = new LazyCache();
        Thread a = new Thread(() -> cache.get("apple"), "checkout-a");
        Thread b = new Thread(() -> cache.get("apple"), "checkout-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (cache.loads() != 1) {
            throw new AssertionError("apple was loaded " + cache.loads() + " times");
        }
    }
}
