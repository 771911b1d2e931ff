package dev.whylock.bench;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.why.LockInquiry;
import dev.whylock.engine.why.Scenario;
import dev.whylock.engine.why.WhyReport;
import dev.whylock.linux.model.Model;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.ScenarioLoader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 16, every core: the default why report without stress runs ({@code whylock why rtnl_mutex
 * --stress-runs 0}) in one JVM, round after round, for each worker count given, with where the time
 * went: wall time, the process's CPU time, the JIT compilers' time, GC time, and the executions run
 * (the program's runs, minimisation included). The first rounds carry the JIT's start-up; later
 * rounds show the steady state. Every report is checked equal to the first one.
 *
 * <pre>java -Xss4m --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -cp benchmarks.jar dev.whylock.bench.WhyRounds ROUNDS WORKERS...</pre>
 *
 * bench/ceiling.sh runs two of these side by side with one worker each: what two busy cores of the
 * machine give two independent copies of this work, the most any split of it over two workers can.
 */
public final class WhyRounds {

    private WhyRounds() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        List<Integer> workers = ClusterBench.counts(args, 1, List.of(1, 2));
        String lock = "rtnl_mutex";
        Model m = Models.get(Models.DEFAULT);
        AtomicLong runs = new AtomicLong();
        List<Scenario> scenarios = m.inquiryScenarios("untimed").stream()
                .map(n -> new Scenario(n, counted(m.program(ScenarioLoader.builtin(n)), runs))).toList();
        List<LockExperiment> replacements = m.suggestedReplacements(lock).stream()
                .map(s -> LockExperiment.parse(LockExperiment.Kind.REPLACE, s)).toList();
        Set<String> declared = Set.copyOf(m.sites().stream().filter(s -> s.startsWith(lock + "@"))
                .map(s -> s.substring(lock.length() + 1)).toList());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var jit = ManagementFactory.getCompilationMXBean();
        WhyReport first = null;
        System.out.println("round\tworkers\twall_s\tcpu_s\tjit_s\tgc_s\texecutions");
        for (int r = 0; r < rounds; r++) {
            for (int w : workers) {
                runs.set(0);
                long t0 = System.nanoTime();
                long c0 = os.getProcessCpuTime();
                long j0 = jit.getTotalCompilationTime();
                long g0 = gcMillis();
                WhyReport report = new LockInquiry(lock, scenarios).withReplacements(replacements)
                        .withUnvalidatedLocks(Set.copyOf(m.unvalidatedLockClasses())).withDeclaredSites(declared).withWorkers(w).run();
                System.out.printf("%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%d%n", r, w, (System.nanoTime() - t0) / 1e9,
                        (os.getProcessCpuTime() - c0) / 1e9, (jit.getTotalCompilationTime() - j0) / 1e3, (gcMillis() - g0) / 1e3, runs.get());
                if (first == null) {
                    first = report;
                } else if (!first.equals(report)) {
                    throw new IllegalStateException("round " + r + " with " + w + " workers gave another report");
                }
            }
        }
    }

    /** {@code p}, counting its executions in {@code runs}. */
    static dev.whylock.engine.Program counted(dev.whylock.engine.Program p, AtomicLong runs) {
        return new dev.whylock.engine.Program() {
            @Override
            public String name() {
                return p.name();
            }

            @Override
            public void setup(dev.whylock.engine.Env env) {
                p.setup(env);
            }

            @Override
            public void run(dev.whylock.engine.Env env) {
                runs.incrementAndGet();
                p.run(env);
            }
        };
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
