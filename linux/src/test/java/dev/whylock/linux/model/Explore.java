package dev.whylock.linux.model;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.util.List;

/** Test helper: explores a scenario with DPOR under a bound. */
final class Explore {
    private Explore() {}

    static ExplorationResult dpor(Scenario s, long maxExecutions, LockExperiment... experiments) {
        return dpor(s, RunConfig.Timing.UNTIMED, maxExecutions, experiments);
    }

    /** Explores {@code s} in timing mode {@code timing}. */
    static ExplorationResult dpor(Scenario s, RunConfig.Timing timing, long maxExecutions, LockExperiment... experiments) {
        Model m = Models.get(s.model());
        SearchConfig cfg = SearchConfig.of(StrategySpec.dpor())
                .withRun(RunConfig.defaults().withTiming(timing).withExperiments(List.of(experiments)))
                .withMaxExecutions(maxExecutions);
        return Explorer.explore(m.program(s), cfg);
    }

    static String summary(ExplorationResult r) {
        StringBuilder b = new StringBuilder(r.program() + ": " + r.verdict() + " exhaustive=" + r.exhaustive()
                + " executions=" + r.executions() + " blocked=" + r.blocked() + " ms=" + r.elapsedMillis() + " stop=" + r.stopReason());
        r.violations().forEach(v -> b.append("\n    ").append(v.kind().key()).append(": ").append(v.message()));
        return b.toString();
    }
}
