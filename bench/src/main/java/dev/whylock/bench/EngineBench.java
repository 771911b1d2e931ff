package dev.whylock.bench;

import dev.whylock.engine.Program;
import dev.whylock.engine.exec.Backend;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Engine throughput per scheduling backend. Each benchmark method explores a whole program; the
 * secondary results {@code executions} and {@code operations} (see {@link Counters}) give executions
 * and scheduling decisions per second directly:
 * {@code lockOnce4Dpor} runs 24 executions per invocation, {@code independent8Dfs} 12,870,
 * {@code counterRandom} one execution of 8,000 scheduling decisions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m"})
public class EngineBench {

    /** DPOR with wakeup trees (optimal) or with source sets (lockOnce4Dpor only). */
    @Param({"true", "false"})
    public boolean optimal;

    @Param({"continuation", "thread"})
    public String backend;

    private RunConfig run;
    private final Program lockOnce4 = LitmusPrograms.lockOnce(4);
    private final Program independent8 = LitmusPrograms.independent(8);
    private final Program counter = LitmusPrograms.longCounter(1000);

    @Setup
    public void setup() {
        run = RunConfig.defaults().withBackend(Backend.named(backend));
    }

    private ExplorationResult explore(Program p, StrategySpec s) {
        return Explorer.explore(p, SearchConfig.of(s).withRun(run).withMinimize(false));
    }

    private static ExplorationResult count(Counters c, ExplorationResult r) {
        c.add(r);
        return r;
    }

    /** 24 executions (4! lock orders) per invocation. */
    @Benchmark
    public void lockOnce4Dpor(Counters c, Blackhole bh) {
        bh.consume(count(c, explore(lockOnce4, StrategySpec.dpor(optimal))));
    }

    /** 12,870 executions (C(16,8) raw interleavings) per invocation. */
    @Benchmark
    public void independent8Dfs(Counters c, Blackhole bh) {
        bh.consume(count(c, explore(independent8, StrategySpec.dfs(-1))));
    }

    /** One random-walk execution with 8,000 scheduling decisions (2 tasks × 1,000 × lock, read, write, unlock) per invocation. */
    @Benchmark
    public void counterRandom(Counters c, Blackhole bh) {
        bh.consume(count(c, Explorer.explore(counter, SearchConfig.of(StrategySpec.random(1)).withRun(run).withMaxExecutions(1).withMinimize(false))));
    }
}
