package dev.whylock.bench;

import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SplitSearch;

/**
 * Issue 16: the split search's executions against the sequential search's on every built-in
 * scenario, as written and with a lock removed everywhere.
 *
 * <pre>java -cp benchmarks.jar dev.whylock.bench.SplitCounts SPLIT_DEPTH WORKERS [LOCK]</pre>
 */
public final class SplitCounts {

    private SplitCounts() {}

    public static void main(String[] args) {
        int depth = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String lock = args.length > 2 ? args[2] : "rtnl_mutex";
        int same = 0;
        int total = 0;
        System.out.println("| scenario | experiment | sequential executions / blocked | split executions / blocked | same violations |");
        System.out.println("|---|---|---|---|---|");
        for (ScenarioRuns.Variant v : ScenarioRuns.builtinVariants(lock)) {
            ExplorationResult a = Explorer.explore(v.program(), v.cfg());
            ExplorationResult b = SplitSearch.explore(v.program(), v.cfg(), workers, depth, SplitSearch.DEFAULT_UNIT_EXECUTIONS);
            boolean sameViolations = ScenarioRuns.sameViolations(a, b);
            total++;
            same += a.executions() == b.executions() && a.blocked() == b.blocked() && sameViolations ? 1 : 0;
            System.out.printf("| %s | %s | %d / %d | %d / %d | %s |%n", v.name(), v.experiment(), a.executions(),
                    a.blocked(), b.executions(), b.blocked(), sameViolations ? "yes" : "NO");
        }
        System.out.printf("%d of %d explorations: same executions, blocked and violations (split depth %d)%n", same, total, depth);
    }
}
