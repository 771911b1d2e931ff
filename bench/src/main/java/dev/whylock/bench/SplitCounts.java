package dev.whylock.bench;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Program;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.SplitSearch;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.Scenario;
import dev.whylock.linux.model.ScenarioLoader;
import java.util.List;

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
        for (String name : ScenarioLoader.builtinNames()) {
            Scenario s = ScenarioLoader.builtin(name);
            Program p = Models.get(s.model()).program(s);
            for (List<LockExperiment> ex : List.of(List.<LockExperiment>of(), List.of(LockExperiment.remove(lock)))) {
                SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withMaxExecutions(20_000).withMinimize(false)
                        .withRun(RunConfig.defaults().withExperiments(ex));
                ExplorationResult a = Explorer.explore(p, cfg);
                ExplorationResult b = SplitSearch.explore(p, cfg, workers, depth, SplitSearch.DEFAULT_UNIT_EXECUTIONS);
                boolean sameViolations = a.violations().stream().map(v -> v.key()).sorted().toList()
                        .equals(b.violations().stream().map(v -> v.key()).sorted().toList());
                total++;
                same += a.executions() == b.executions() && a.blocked() == b.blocked() && sameViolations ? 1 : 0;
                System.out.printf("| %s | %s | %d / %d | %d / %d | %s |%n", name, ex.isEmpty() ? "as written" : ex.get(0), a.executions(),
                        a.blocked(), b.executions(), b.blocked(), sameViolations ? "yes" : "NO");
            }
        }
        System.out.printf("%d of %d explorations: same executions, blocked and violations (split depth %d)%n", same, total, depth);
    }
}
