package dev.whylock.bench;

import dev.whylock.engine.Program;
import dev.whylock.engine.exec.Backend;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Engine throughput on the kernel model: a whole DPOR exploration of a built-in scenario (no lock
 * experiment, no counterexample minimisation) per invocation. Executions and scheduling decisions
 * per second are the {@code executions} and {@code operations} secondary results.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m"})
public class KernelBench {

    @Param({"continuation", "thread"})
    public String backend;

    @Param({"module-hotplug", "ethtool-module-eeprom-vs-cage-unbind"})
    public String scenario;

    /** DPOR with wakeup trees (optimal) or with source sets. */
    @Param({"true", "false"})
    public boolean optimal;

    /** Lock-aware reduction (off by default; {@code -p lockAware=false,true} to compare). */
    @Param({"false"})
    public boolean lockAware;

    private Program program;
    private SearchConfig cfg;

    @Setup
    public void setup() {
        program = Models.get("sfp-v5.14").program(ScenarioLoader.builtin(scenario));
        cfg = SearchConfig.of(StrategySpec.dpor(optimal).withLockAware(lockAware)).withRun(RunConfig.defaults().withBackend(Backend.named(backend)))
                .withMinimize(false);
    }

    @Benchmark
    public void dpor(Counters c, Blackhole bh) {
        ExplorationResult r = Explorer.explore(program, cfg);
        c.add(r);
        bh.consume(r);
    }
}
