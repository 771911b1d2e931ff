package dev.whylock.bench;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Program;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.SourceDpor;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.linux.model.Scenario;
import java.util.List;

/**
 * Issue 16, part 1: optimal DPOR (wakeup trees) against source-DPOR on every built-in scenario, as
 * written and with a lock removed everywhere: complete executions, sleep-set-blocked executions,
 * the wakeup sequences that could not be followed, and whether the violations are the same.
 *
 * <pre>java -cp benchmarks.jar dev.whylock.bench.OptimalCounts [LOCK]</pre>
 */
public final class OptimalCounts {

    private OptimalCounts() {}

    public static void main(String[] args) {
        String lock = args.length > 0 ? args[0] : "rtnl_mutex";
        int sameExecutions = 0;
        int sameViolations = 0;
        int total = 0;
        long blockedSource = 0;
        long blockedOptimal = 0;
        long fallbacks = 0;
        System.out.println("| scenario | experiment | source-DPOR executions / blocked | optimal executions / blocked / fallbacks | same violations |");
        System.out.println("|---|---|---|---|---|");
        for (ScenarioRuns.Variant v : ScenarioRuns.builtinVariants(lock)) {
            SearchConfig cfg = v.cfg().withStrategy(StrategySpec.dpor(false));
            Program p = v.program();
            Scenario s = v.scenario();
            String name = v.name();
            List<LockExperiment> ex = v.experiments();
            ExplorationResult a = Explorer.explore(p, cfg);
            SourceDpor optimal = new SourceDpor(true);
            ExplorationResult b = Explorer.explore(p, cfg.withStrategy(StrategySpec.dpor(true)), optimal);
            boolean same = ScenarioRuns.sameViolations(a, b);
            total++;
            sameExecutions += a.executions() == b.executions() ? 1 : 0;
            sameViolations += same ? 1 : 0;
            blockedSource += a.blocked();
            blockedOptimal += b.blocked();
            fallbacks += optimal.wakeupFallbacks();
            System.out.printf("| %s %s | %s | %d / %d | %d / %d / %d | %s |%n", s.model(), name, ex.isEmpty() ? "as written" : "-" + lock,
                    a.executions(), a.blocked(), b.executions(), b.blocked(), optimal.wakeupFallbacks(), same ? "yes" : "NO");
        }
        System.out.printf("%d explorations: same complete executions in %d, same violations in %d; blocked: source-DPOR %d, optimal %d;"
                + " wakeup fallbacks %d%n", total, sameExecutions, sameViolations, blockedSource, blockedOptimal, fallbacks);
    }
}
