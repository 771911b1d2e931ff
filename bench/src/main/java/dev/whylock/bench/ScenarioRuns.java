package dev.whylock.bench;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Program;
import dev.whylock.engine.analysis.Analyses;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.engine.search.Ticker;
import dev.whylock.linux.model.Model;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.Scenario;
import dev.whylock.linux.model.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Explores a kernel-model scenario the way {@code whylock explore} does: DPOR under a bound, with
 * the analyses watching, so that its data races count as violations as they do on the command line.
 */
final class ScenarioRuns {
    private ScenarioRuns() {}

    /** One exploration: its result and the kinds of violation it found (data races included). */
    record Outcome(ExplorationResult result) {

        /** The kinds found, e.g. {@code [null-dereference, data-race]}; empty when clean. */
        Set<String> kinds() {
            Set<String> k = new TreeSet<>();
            for (Violation v : result.violations()) {
                k.add(v.kind().key() + (v.afterFailure() ? " (after a failure)" : ""));
            }
            return k;
        }

        /** Whether damage (not a data race, not an assertion) was found. */
        boolean damage() {
            return result.violations().stream().anyMatch(v -> v.kind().damage());
        }

        /** {@code clean}, or the kinds found, then the executions and whether the search was exhaustive. */
        String cell() {
            String what = result.hasViolation() ? String.join(", ", kinds()) : "clean";
            return what + " (" + result.executions() + (result.exhaustive() ? "" : ", not exhaustive: " + result.stopReason().name()
                    .toLowerCase(java.util.Locale.ROOT).replace('_', '-') + (result.bounded() ? ", bounded" : "")) + ")";
        }
    }

    /** Explores {@code s} in timing mode {@code timing} under {@code experiments}, at most {@code max} executions. */
    static Outcome explore(Scenario s, RunConfig.Timing timing, long max, Ticker ticker, LockExperiment... experiments) {
        Model m = Models.get(s.model());
        Analyses analyses = new Analyses(Set.copyOf(m.unvalidatedLockClasses()));
        SearchConfig cfg = SearchConfig.of(StrategySpec.dpor())
                .withRun(RunConfig.defaults().withTiming(timing).withExperiments(List.of(experiments)))
                .withMaxExecutions(max).withTimeLimit(0, ticker).withObservers(new ArrayList<>(analyses.observers()));
        ExplorationResult r = Explorer.explore(m.program(s), cfg);
        return new Outcome(r.withViolations(analyses.report().races().violations(), Set.of()));
    }

    /**
     * One of the explorations the count mains compare: a built-in scenario as written or with a
     * lock removed everywhere, and DPOR's configuration for it (at most 20,000 executions, no
     * minimising; the strategy is the caller's to set).
     */
    record Variant(String name, Scenario scenario, Program program, List<LockExperiment> experiments, SearchConfig cfg) {

        /** {@code as written}, or the experiment. */
        String experiment() {
            return experiments.isEmpty() ? "as written" : experiments.get(0).toString();
        }
    }

    /** Every built-in scenario, as written and with {@code lock} removed everywhere, in the loader's order. */
    static List<Variant> builtinVariants(String lock) {
        List<Variant> out = new ArrayList<>();
        for (String name : ScenarioLoader.builtinNames()) {
            Scenario s = ScenarioLoader.builtin(name);
            Program p = Models.get(s.model()).program(s);
            for (List<LockExperiment> ex : List.of(List.<LockExperiment>of(), List.of(LockExperiment.remove(lock)))) {
                out.add(new Variant(name, s, p, ex, SearchConfig.of(StrategySpec.dpor()).withMaxExecutions(20_000).withMinimize(false)
                        .withRun(RunConfig.defaults().withExperiments(ex))));
            }
        }
        return out;
    }

    /** Whether two explorations found the same violations (by key). */
    static boolean sameViolations(ExplorationResult a, ExplorationResult b) {
        return a.violations().stream().map(Violation::key).sorted().toList()
                .equals(b.violations().stream().map(Violation::key).sorted().toList());
    }
}
