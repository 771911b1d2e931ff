package dev.whylock.engine.search;

/** A small seeded generator (SplitMix64): the only source of randomness in the engine, so runs replay. */
final class Rng {
    private long state;

    Rng(long seed) {
        state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in {@code [0, n)}. */
    int nextInt(int n) {
        return (int) Math.floorMod(nextLong(), (long) n);
    }
}
