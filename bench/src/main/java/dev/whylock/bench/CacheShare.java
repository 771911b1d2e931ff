package dev.whylock.bench;

/**
 * What a second busy core costs a thread on this machine, apart from whylock: the same work per
 * thread on one thread and on two at once, for an ALU loop (no memory) and for random reads and
 * writes over a 16 MB array (the shared cache). Equal times for the ALU loop rule out a shared core
 * (SMT) and a clock that drops with two busy cores; slower times for the array are what two threads
 * pay for sharing the cache (docs/performance.md §6, stop 22).
 *
 * <pre>java -cp benchmarks.jar dev.whylock.bench.CacheShare [ROUNDS]</pre>
 */
public final class CacheShare {

    private CacheShare() {}

    private static volatile long sink;

    static long alu(long n) {
        long x = 88172645463325252L;
        for (long i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    static long memory(int n) {
        int mask = (1 << 22) - 1; // 4 M ints: 16 MB
        int[] a = new int[mask + 1];
        long s = 0;
        int j = 1;
        for (int i = 0; i < n; i++) {
            j = (j * 1103515245 + 12345) & mask;
            s += a[j]++;
        }
        return s;
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        for (int r = 0; r < rounds; r++) {
            for (String kind : new String[] {"alu", "memory"}) {
                for (int threads : new int[] {1, 2}) {
                    Thread[] ts = new Thread[threads];
                    long t0 = System.nanoTime();
                    for (int i = 0; i < threads; i++) {
                        ts[i] = new Thread(() -> sink = kind.equals("alu") ? alu(1_000_000_000L) : memory(100_000_000));
                        ts[i].start();
                    }
                    for (Thread t : ts) {
                        t.join();
                    }
                    System.out.printf("%s, %d thread(s), the same work each: %.2f s%n", kind, threads, (System.nanoTime() - t0) / 1e9);
                }
            }
        }
    }
}
