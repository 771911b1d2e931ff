package dev.whylock.bench;

import dev.whylock.engine.Program;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.SplitSearch;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 16, one exploration on several cores: wall time of the split DPOR search of a built-in
 * scenario with 1 and with N workers (runs alternating, so both see the same load), the median of
 * each, and the sequential search's counts beside the split search's. A sample is {@code REPEAT}
 * explorations back to back (a short exploration alone measures mostly noise), after as many
 * explorations of warm-up.
 *
 * <pre>java -Dwhylock.bench.repeat=10 -cp benchmarks.jar dev.whylock.bench.SplitBench SCENARIO SPLIT_DEPTH RUNS WORKERS...</pre>
 */
public final class SplitBench {

    private SplitBench() {}

    public static void main(String[] args) {
        String scenario = args.length > 0 ? args[0] : "module-hotplug-phy";
        int depth = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Integer> workers = ClusterBench.counts(args, 3, List.of(1, 2));
        Program program = Models.get("sfp-v5.14").program(ScenarioLoader.builtin(scenario));
        SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withMinimize(false);
        int repeat = Integer.getInteger("whylock.bench.repeat", 10);
        long unit = Long.getLong("whylock.bench.unit", SplitSearch.DEFAULT_UNIT_EXECUTIONS);
        long t0 = System.nanoTime();
        ExplorationResult seq = Explorer.explore(program, cfg);
        for (int i = 0; i < repeat; i++) {
            for (int w : workers) {
                SplitSearch.explore(program, cfg, w, depth, unit);
            }
        }
        System.out.printf("%s sequential dpor: %d executions, %d blocked, %s, %.2f s (warm-up)%n", scenario, seq.executions(),
                seq.blocked(), seq.stopReason(), (System.nanoTime() - t0) / 1e9);
        List<List<Double>> times = new ArrayList<>();
        workers.forEach(w -> times.add(new ArrayList<>()));
        ExplorationResult first = null;
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < workers.size(); i++) {
                long s = System.nanoTime();
                ExplorationResult x = SplitSearch.explore(program, cfg, workers.get(i), depth, unit);
                for (int k = 1; k < repeat; k++) {
                    SplitSearch.explore(program, cfg, workers.get(i), depth, unit);
                }
                double sec = (System.nanoTime() - s) / 1e9;
                times.get(i).add(sec);
                if (first == null) {
                    first = x;
                    System.out.printf("split depth %d, unit %d executions: %d executions, %d blocked, %s%n", depth, unit, x.executions(), x.blocked(),
                            x.stopReason());
                } else if (x.executions() != first.executions() || x.blocked() != first.blocked()
                        || !x.violations().equals(first.violations())) {
                    throw new IllegalStateException("workers " + workers.get(i) + " gave a different result");
                }
                System.out.printf("run %d workers %d: %.2f s (load %s)%n", r + 1, workers.get(i), sec, load());
            }
        }
        double base = median(times.get(0));
        for (int i = 0; i < workers.size(); i++) {
            double m = median(times.get(i));
            System.out.printf("workers %d: median %.2f s per %d explorations over %d runs, speed-up %.2fx%n", workers.get(i), m, repeat,
                    runs, base / m);
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
