package dev.whylock.bench;

import dev.whylock.engine.Program;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.ScenarioLoader;
import java.lang.management.ManagementFactory;

/**
 * Bytes allocated per sequential DPOR exploration of a built-in scenario (the thread's allocation
 * counter, after as many explorations of warm-up), and the time per exploration: the memory traffic
 * that two workers on cores sharing a cache pay for (docs/performance.md §6, stop 22).
 *
 * <pre>java -Xss4m --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -cp benchmarks.jar dev.whylock.bench.AllocationCount SCENARIO N</pre>
 */
public final class AllocationCount {

    private AllocationCount() {}

    public static void main(String[] args) {
        String scenario = args.length > 0 ? args[0] : "module-hotplug";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Program program = Models.get(Models.DEFAULT).program(ScenarioLoader.builtin(scenario));
        SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withMinimize(false);
        for (int i = 0; i < n; i++) {
            Explorer.explore(program, cfg);
        }
        long bytes = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Explorer.explore(program, cfg);
        }
        System.out.printf("%s: %.1f MB allocated and %.1f ms per exploration (%d explorations)%n", scenario,
                (threads.getCurrentThreadAllocatedBytes() - bytes) / 1e6 / n, (System.nanoTime() - t0) / 1e6 / n, n);
    }
}
