package dev.whylock.linux.model;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.engine.analysis.Analyses;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    /**
     * Explores {@code s} in timing mode {@code timing} with the analyses watching, as
     * {@code whylock explore} does: the data races they find are violations too.
     */
    static ExplorationResult withAnalyses(Scenario s, RunConfig.Timing timing, long maxExecutions) {
        Model m = Models.get(s.model());
        Analyses analyses = new Analyses(Set.copyOf(m.unvalidatedLockClasses()));
        SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withRun(RunConfig.defaults().withTiming(timing))
                .withMaxExecutions(maxExecutions).withObservers(new ArrayList<>(analyses.observers()));
        ExplorationResult r = Explorer.explore(m.program(s), cfg);
        return r.withViolations(analyses.report().races().violations(), Set.of());
    }

    static String summary(ExplorationResult r) {
        StringBuilder b = new StringBuilder(r.program() + ": " + r.verdict() + " exhaustive=" + r.exhaustive()
                + " executions=" + r.executions() + " blocked=" + r.blocked() + " ms=" + r.elapsedMillis() + " stop=" + r.stopReason());
        r.violations().forEach(v -> b.append("\n    ").append(v.kind().key()).append(": ").append(v.message()));
        return b.toString();
    }
}
