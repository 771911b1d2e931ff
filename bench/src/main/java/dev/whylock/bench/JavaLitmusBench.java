package dev.whylock.bench;

import dev.whylock.engine.exec.Backend;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.jvm.JavaProgram;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The plain-Java litmus classes (module examples) explored as compiled bytecode: one invocation is
 * a whole DPOR exploration of {@code main} (the pinned counts of JavaLitmusTest, e.g. 4 executions
 * for LostUpdate). The program is built once per trial, so its classes are rewritten once; every
 * execution still defines them afresh in its own class loader, as {@code whylock explore --java}
 * does. The secondary result {@code executions} is executions per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m"})
public class JavaLitmusBench {

    @Param({"LostUpdate", "CheckThenAct", "DeadlockMonitors", "DeadlockLocks", "MissedNotify", "ConditionHandoff",
            "LatchPublish", "ExecutorLostUpdate"})
    public String program;

    @Param({"continuation"})
    public String backend;

    private JavaProgram java;
    private SearchConfig config;

    @Setup(Level.Trial)
    public void setup() {
        java = JavaProgram.ofTest("dev.whylock.examples." + program, "main", JavaLitmusBench.class.getClassLoader(),
                List.of(), List.of());
        config = SearchConfig.of(StrategySpec.dpor()).withRun(RunConfig.defaults().withBackend(Backend.named(backend)))
                .withMinimize(false);
    }

    @TearDown(Level.Trial)
    public void close() {
        java.close();
    }

    /** One whole DPOR exploration of the class's main. */
    @Benchmark
    public void dpor(Counters c, Blackhole bh) {
        ExplorationResult r = Explorer.explore(java, config);
        c.add(r);
        bh.consume(r);
    }
}
