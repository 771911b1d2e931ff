package dev.whylock.bench;

import dev.whylock.engine.Program;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.engine.search.Ticker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Partial-order reduction, counted: for each litmus program, the raw interleavings (every
 * schedule, {@code dfs(-1)}), the Mazurkiewicz traces among them (distinct canonical forms) and the
 * executions DPOR runs. Optimal DPOR runs exactly one execution per trace.
 *
 * <pre>java -cp bench/target/benchmarks.jar --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -Xss4m dev.whylock.bench.ReductionTable</pre>
 */
public final class ReductionTable {

    private ReductionTable() {}

    /** One program's counts. */
    public record Row(String program, long interleavings, boolean bruteExhaustive, int traces, long dporExecutions,
                      long dporBlocked, boolean dporExhaustive, Set<String> bruteViolations, Set<String> dporViolations,
                      Set<String> dporTraces, Set<String> bruteTraces, long bruteMillis, long dporMillis) {}

    /** The programs of the table; {@code full} adds the ones whose brute force takes seconds. */
    public static List<Program> programs(boolean full) {
        List<Program> ps = new ArrayList<>();
        for (int k : full ? new int[] {1, 2, 4, 6, 8, 10} : new int[] {1, 2, 4, 6}) {
            ps.add(LitmusPrograms.independent(k));
        }
        for (int n = 2; n <= (full ? 5 : 4); n++) {
            ps.add(LitmusPrograms.lockOnce(n));
        }
        ps.add(LitmusPrograms.lostUpdate());
        ps.add(LitmusPrograms.abba());
        ps.add(LitmusPrograms.checkThenAct());
        ps.add(LitmusPrograms.missedSignal());
        ps.add(LitmusPrograms.mixedLockAndFlag());
        ps.add(LitmusPrograms.mixedProducerConsumer());
        return ps;
    }

    public static Row measure(Program p, Ticker ticker) {
        Set<String> bruteTraces = new HashSet<>();
        ExplorationResult brute = Explorer.explore(p, SearchConfig.of(StrategySpec.dfs(-1)).withMinimize(false)
                .withMaxExecutions(5_000_000).withTimeLimit(0, ticker)
                .withObservers(List.of(o -> bruteTraces.add(Traces.canonical(o)))));
        Set<String> dporTraces = new HashSet<>();
        ExplorationResult dpor = Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMinimize(false)
                .withTimeLimit(0, ticker)
                .withObservers(List.of(o -> dporTraces.add(Traces.canonical(o)))));
        return new Row(p.name(), brute.executions(), brute.exhaustive(), bruteTraces.size(), dpor.executions(),
                dpor.blocked(), dpor.exhaustive(), keys(brute), keys(dpor), dporTraces, bruteTraces,
                brute.elapsedMillis(), dpor.elapsedMillis());
    }

    static Set<String> keys(ExplorationResult r) {
        Set<String> k = new TreeSet<>();
        for (Violation v : r.violations()) {
            k.add(v.kind().key());
        }
        return k;
    }

    public static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| program | interleavings (DFS executions) | Mazurkiewicz traces | DPOR executions | DPOR sleep-set-blocked | DPOR = traces | interleavings / DPOR | violations (DFS / DPOR) | DFS ms | DPOR ms |\n");
        b.append("|---|---:|---:|---:|---:|:---:|---:|---|---:|---:|\n");
        for (Row r : rows) {
            boolean same = r.dporExecutions() == r.traces() && r.dporTraces().equals(r.bruteTraces());
            b.append(String.format("| %s | %,d | %,d | %,d | %,d | %s | %s | %s / %s | %,d | %,d |%n", r.program(),
                    r.interleavings(), r.traces(), r.dporExecutions(), r.dporBlocked(), same ? "yes" : "**no**",
                    String.format("%,.1f×", (double) r.interleavings() / r.dporExecutions()),
                    fmt(r.bruteViolations()), fmt(r.dporViolations()), r.bruteMillis(), r.dporMillis()));
        }
        return b.toString();
    }

    private static String fmt(Set<String> s) {
        return s.isEmpty() ? "none" : String.join(", ", s);
    }

    public static void main(String[] args) {
        boolean full = args.length == 0 || !args[0].equals("--quick");
        Ticker ticker = System::nanoTime;
        List<Row> rows = new ArrayList<>();
        for (Program p : programs(full)) {
            rows.add(measure(p, ticker));
        }
        System.out.print(table(rows));
    }
}
