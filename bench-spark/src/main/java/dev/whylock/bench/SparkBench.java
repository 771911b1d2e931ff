package dev.whylock.bench;

import dev.whylock.engine.Program;
import dev.whylock.engine.analysis.Analyses;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.SplitSearch;
import dev.whylock.engine.search.UnitWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Issue 16 part 3, the candidates measured on the same workload: the split DPOR search of one
 * built-in scenario (the command line's split depth and unit size, the analyses observing), its
 * work units run by Apache Spark in local mode ({@code local[N]}: one executor with N task
 * threads in this JVM), one Spark task per unit, as {@code ClusterBench} runs them on Hazelcast
 * members. A unit travels as the same plain data ({@link UnitWire}); Spark hands each task to the
 * first free task thread, its form of work stealing. Every run's result is checked equal to the
 * search alone. Prints wall time alone and per N (min and median of RUNS, runs alternating), and
 * Spark's cost per unit beyond the unit's run time.
 *
 * <pre>bench/spark.sh SCENARIO RUNS N...</pre>
 */
public final class SparkBench {

    private SparkBench() {}

    /** Runs before the measured ones, alone and per context: the JIT's start-up (ClusterBench warms up as long). */
    static final int WARM_UP = 10;

    /** The programs a task thread runs units of, built once per scenario (the Hazelcast member's job cache). */
    private static final Map<String, Program> PROGRAMS = new ConcurrentHashMap<>();

    /** Runs one unit sent as plain data: what a Spark task does. */
    static byte[] run(String scenario, byte[] unit) {
        Program p = PROGRAMS.computeIfAbsent(scenario, ClusterBench::program);
        return SplitSearch.runSent(p, ClusterBench.cfg(), unit, () -> false);
    }

    static ExplorationResult explore(JavaSparkContext sc, String scenario) {
        Program p = ClusterBench.program(scenario);
        return SplitSearch.explore(p, ClusterBench.cfg().withObservers(new Analyses().observers()), SplitSearch.DEFAULT_SPLIT_DEPTH,
                SplitSearch.DEFAULT_UNIT_EXECUTIONS, units -> {
                    List<byte[]> wire = new ArrayList<>();
                    units.forEach(u -> wire.add(UnitWire.unit(u)));
                    List<byte[]> answers = sc.parallelize(wire, wire.size()).map(b -> run(scenario, b)).collect();
                    List<SplitSearch.UnitResult> out = new ArrayList<>();
                    answers.forEach(a -> out.add(UnitWire.result(a)));
                    return out;
                });
    }

    public static void main(String[] args) {
        String scenario = args.length > 0 ? args[0] : "module-hotplug";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Integer> ns = ClusterBench.counts(args, 2, List.of(1, 2, 4));
        Program p = ClusterBench.program(scenario);
        ExplorationResult expected = null;
        List<Double> alone = new ArrayList<>();
        int units = 0;
        for (int r = 0; r < runs + WARM_UP; r++) {
            long t0 = System.nanoTime();
            int[] count = new int[1];
            expected = SplitSearch.explore(p, ClusterBench.cfg().withObservers(new Analyses().observers()), SplitSearch.DEFAULT_SPLIT_DEPTH,
                    SplitSearch.DEFAULT_UNIT_EXECUTIONS, us -> {
                        count[0] += us.size();
                        List<SplitSearch.UnitResult> out = new ArrayList<>();
                        us.forEach(u -> out.add(u.runHere()));
                        return out;
                    });
            if (r >= WARM_UP) {
                alone.add((System.nanoTime() - t0) / 1e9);
            }
            units = count[0];
        }
        System.out.printf("%s alone (1 thread): min %.3f s, median %.3f s, %d executions in %d units%n", scenario, ClusterBench.min(alone),
                ClusterBench.median(alone), expected.executions(), units);
        for (int n : ns) {
            SparkConf conf = new SparkConf().setMaster("local[" + n + "]").setAppName("whylock-" + scenario)
                    .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
            try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                sc.setLogLevel("ERROR");
                List<Double> times = new ArrayList<>();
                for (int r = 0; r < runs + WARM_UP; r++) {
                    long t0 = System.nanoTime();
                    ExplorationResult got = explore(sc, scenario);
                    if (r >= WARM_UP) {
                        times.add((System.nanoTime() - t0) / 1e9);
                    }
                    if (!got.equals(expected)) {
                        throw new IllegalStateException("Spark local[" + n + "] gave another result");
                    }
                }
                System.out.printf("Spark local[%d]: min %.3f s, median %.3f s; speed-up over alone %.2fx (min), %.2fx (median); "
                        + "cost per unit beyond the search alone %.2f ms (min)%n", n, ClusterBench.min(times), ClusterBench.median(times),
                        ClusterBench.min(alone) / ClusterBench.min(times), ClusterBench.median(alone) / ClusterBench.median(times),
                        (ClusterBench.min(times) - ClusterBench.min(alone)) * 1e3 / units);
            }
        }
    }
}
