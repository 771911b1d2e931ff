package dev.whylock.bench;

import dev.whylock.engine.Program;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Does the heap grow with the number of executions? One random-walk (or DPOR) exploration of one program for
 * up to {@code maxExecutions} executions; an observer stops at 10^3, 10^4, ... executions, runs a
 * full GC and records the used heap, so what is measured is what the running search retains.
 *
 * <pre>java -Xmx256m -cp bench/target/benchmarks.jar --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -Xss4m \
 *     dev.whylock.bench.MemoryCheck [mixed-lock-flag|lost-update|lock-once-10] [maxExecutions] [random|dpor]</pre>
 */
public final class MemoryCheck {

    private MemoryCheck() {}

    static long usedAfterGc() {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return mx.getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "mixed-lock-flag";
        long max = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        boolean dpor = args.length > 2 && args[2].equals("dpor");
        Program p = switch (which) {
            case "lost-update" -> LitmusPrograms.lostUpdate();
            case "lock-once-10" -> LitmusPrograms.lockOnce(10);
            default -> LitmusPrograms.mixedLockAndFlag();
        };
        StrategySpec strategy = dpor ? StrategySpec.dpor() : StrategySpec.random(42);
        String label = dpor ? "dpor" : "random(42)";
        System.out.println("| program | strategy | executions so far | used heap after full GC (MiB) | wall ms so far |");
        System.out.println("|---|---|---:|---:|---:|");
        System.out.printf("| %s | (before) | 0 | %.1f | 0 |%n", p.name(), usedAfterGc() / 1048576.0);
        long t0 = System.nanoTime();
        long[] seen = {0};
        long[] next = {1_000};
        Explorer.explore(p, SearchConfig.of(strategy).withMinimize(false).withMaxExecutions(max)
                .withObservers(java.util.List.of(o -> {
                    if (++seen[0] == next[0]) {
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        System.out.printf("| %s | %s | %,d | %.1f | %,d |%n", p.name(), label, seen[0], usedAfterGc() / 1048576.0, ms);
                        next[0] *= 10;
                    }
                })));
    }
}
