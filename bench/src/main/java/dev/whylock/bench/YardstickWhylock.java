package dev.whylock.bench;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.jvm.JavaProgram;
import dev.whylock.jvm.JavaTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * whylock's side of the yardstick (bench/yardstick.sh): each class explored as compiled with DPOR
 * until the first failure (an uncaught exception or a deadlock) or the budget; then a random walk of
 * the whole budget (failing executions included, nothing stops it) for executions per second, as
 * the peers' samplers run.
 *
 * <p>{@code java ... dev.whylock.bench.YardstickWhylock RESULTS.tsv CLASSES_DIR BUDGET SECONDS CLASS...}
 */
public final class YardstickWhylock {

    private YardstickWhylock() {}

    static final Set<ViolationKind> FAILURES = EnumSet.of(ViolationKind.EXCEPTION, ViolationKind.DEADLOCK, ViolationKind.STEP_LIMIT);

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        long budget = Long.parseLong(args[2]);
        long seconds = Long.parseLong(args[3]);
        List<String> names = Arrays.asList(args).subList(4, args.length);
        explore(classes, names.get(0), budget, seconds); // warm-up: class loading and JIT, as the peers get theirs
        for (String name : names) {
            long t0 = System.nanoTime();
            ExplorationResult r = explore(classes, name, budget, seconds);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Violation v = r.violations().stream().filter(x -> FAILURES.contains(x.kind())).findFirst().orElse(null);
            long start = System.nanoTime();
            long walked = walk(classes, name, budget, seconds);
            long rate = walked * 1_000_000_000L / Math.max(1, System.nanoTime() - start);
            String claim = v != null ? "bug found"
                    : r.exhaustive() ? "proved absent: all " + r.executions() + " Mazurkiewicz traces explored (DPOR)"
                    : "no bug in " + r.executions() + " executions; not exhaustive";
            String found = v == null ? "none" : v.kind().key() + ": " + v.message();
            record(out, "whylock", name, found, r.executions(), ms, rate, claim);
        }
    }

    private static ExplorationResult explore(Path classes, String name, long budget, long seconds) {
        try (JavaProgram p = JavaProgram.of(new JavaTarget(name, "main", List.of(classes)))) {
            SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withRun(RunConfig.defaults()).withMaxExecutions(budget)
                    .withTimeLimit(seconds * 1000, System::nanoTime).withStopOn(FAILURES).withMinimize(false);
            return Explorer.explore(p, cfg);
        }
    }

    private static long walk(Path classes, String name, long budget, long seconds) {
        try (JavaProgram p = JavaProgram.of(new JavaTarget(name, "main", List.of(classes)))) {
            SearchConfig cfg = SearchConfig.of(StrategySpec.random(1)).withRun(RunConfig.defaults()).withMaxExecutions(budget)
                    .withTimeLimit(seconds * 1000, System::nanoTime).withMinimize(false);
            return Explorer.explore(p, cfg).executions();
        }
    }

    /** One line of the results file: tool, program, what was found, executions, milliseconds, executions/s, claim. */
    public static void record(Path out, String tool, String program, String found, long executions, long millis, long rate, String claim)
            throws IOException {
        String line = String.join("\t", tool, program, clean(found), Long.toString(executions), Long.toString(millis),
                Long.toString(rate), clean(claim)) + "\n";
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print("RESULT " + line);
    }

    static String clean(String s) {
        String one = s.strip().replace('\t', ' ').replace('\r', ' ');
        int nl = one.indexOf('\n');
        one = nl < 0 ? one : one.substring(0, nl);
        return one.length() > 100 ? one.substring(0, 97) + "..." : one;
    }
}
