package dev.whylock.bench;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.stress.Stress;
import dev.whylock.engine.why.LockInquiry;
import dev.whylock.engine.why.Scenario;
import dev.whylock.engine.why.WhyReport;
import dev.whylock.linux.model.Model;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.ScenarioLoader;
import java.util.List;
import java.util.Set;
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
 * Issue 16, every core: the default why report ({@code whylock why rtnl_mutex}: the model's inquiry
 * scenarios, its suggested replacements, 200 stress runs per necessary verdict, the same hang limit)
 * with 1 and with 2 workers, in a warmed JVM, so that the JIT compilers' work at start-up (which
 * keeps a second core busy in a 20 s command) is out of the comparison. One invocation is one
 * whole report. {@code stressRuns=0} measures the explorations alone.
 *
 * <pre>java -jar benchmarks.jar WhyBench -p workers=1,2</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m"})
public class WhyBench {

    @Param({"1", "2"})
    public int workers;

    @Param({"200"})
    public long stressRuns;

    @Param({"rtnl_mutex"})
    public String lock;

    private List<Scenario> scenarios;
    private List<LockExperiment> replacements;
    private Set<String> declared;
    private Set<String> unvalidated;

    @Setup
    public void setup() {
        Model m = Models.get(Models.DEFAULT);
        scenarios = m.inquiryScenarios("untimed").stream()
                .map(n -> new Scenario(n, m.program(ScenarioLoader.builtin(n)))).toList();
        replacements = m.suggestedReplacements(lock).stream().map(s -> LockExperiment.parse(LockExperiment.Kind.REPLACE, s)).toList();
        declared = Set.copyOf(m.sites().stream().filter(s -> s.startsWith(lock + "@")).map(s -> s.substring(lock.length() + 1)).toList());
        unvalidated = Set.copyOf(m.unvalidatedLockClasses());
    }

    @Benchmark
    public WhyReport report() {
        LockInquiry inquiry = new LockInquiry(lock, scenarios).withReplacements(replacements).withUnvalidatedLocks(unvalidated)
                .withDeclaredSites(declared).withWorkers(workers);
        if (stressRuns > 0) {
            inquiry = inquiry.withStress(Stress.runner(500, 1, System::nanoTime, () -> false), stressRuns);
        }
        return inquiry.run();
    }
}
