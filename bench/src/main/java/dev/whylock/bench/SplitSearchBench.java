package dev.whylock.bench;

import dev.whylock.engine.Program;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.SplitSearch;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.ScenarioLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 16, every core: one DPOR exploration of a built-in scenario split into work units, as
 * {@code whylock explore --scenario S --workers N} runs it (split depth 6, units of 8 executions),
 * with 1 and with 2 workers, in a warmed JVM. One invocation is one whole exploration (without the
 * minimisation of counterexamples, which runs after the search on one thread).
 *
 * <pre>java -jar benchmarks.jar SplitSearchBench -p workers=1,2 -p scenario=module-hotplug-phy</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m"})
public class SplitSearchBench {

    @Param({"1", "2"})
    public int workers;

    @Param({"module-hotplug-phy", "module-hotplug"})
    public String scenario;

    private Program program;
    private SearchConfig cfg;

    @Setup
    public void setup() {
        program = Models.get(Models.DEFAULT).program(ScenarioLoader.builtin(scenario));
        cfg = SearchConfig.of(StrategySpec.dpor()).withMinimize(false);
    }

    @Benchmark
    public ExplorationResult explore() {
        return SplitSearch.explore(program, cfg, workers, SplitSearch.DEFAULT_SPLIT_DEPTH, SplitSearch.DEFAULT_UNIT_EXECUTIONS);
    }
}
