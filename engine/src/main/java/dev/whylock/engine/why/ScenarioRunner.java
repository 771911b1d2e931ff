package dev.whylock.engine.why;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.search.ExecutionObserver;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.Progress;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.engine.search.Ticker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Explores one scenario with DPOR under the inquiry's bound and sorts its violations into damage and assumptions. */
final class ScenarioRunner {

    /*
     * Damage counts only when the unmodified program does not already have it: a scenario that
     * self-deadlocks without any experiment must not make every site look necessary. When the
     * baseline is clean the search stops at the first damage (and minimises it); otherwise it
     * explores the whole bound and drops the damage the baseline already had.
     */

    static final Set<ViolationKind> DAMAGE = Set.copyOf(Arrays.stream(ViolationKind.values()).filter(ViolationKind::damage).toList());

    private final InquiryBound bound;
    private final RunConfig run;
    private final Ticker ticker;
    private final Progress progress;
    private final BooleanSupplier cancelled;
    private final InquiryListener listener;
    private int started;
    private int total;

    ScenarioRunner(InquiryBound bound, RunConfig run, Ticker ticker, Progress progress, BooleanSupplier cancelled,
            InquiryListener listener) {
        this.bound = bound;
        this.run = run;
        this.ticker = ticker;
        this.progress = progress;
        this.cancelled = cancelled;
        this.listener = listener;
    }

    /** Sets the number of explorations the inquiry may run, for the listener. */
    void expect(int explorations) {
        total = explorations;
    }

    /** A finished exploration: the summary for the report and the raw result. */
    record Explored(ScenarioRun run, ExplorationResult result) {}

    /**
     * Explores {@code s} under {@code experiments} (added to the caller's own), reporting as damage
     * only violations whose key is not in {@code baselineDamage} ({@code null}: this is the baseline).
     */
    Explored explore(Scenario s, List<LockExperiment> experiments, String label, Set<String> baselineDamage,
            List<ExecutionObserver> observers) {
        listener.exploring(s.name(), label, ++started, Math.max(total, started));
        List<LockExperiment> all = new ArrayList<>(run.experiments());
        all.addAll(experiments);
        boolean stopEarly = baselineDamage != null && baselineDamage.isEmpty();
        SearchConfig cfg = SearchConfig.of(StrategySpec.dpor())
                .withRun(run.withExperiments(all))
                .withMaxExecutions(bound.maxExecutions())
                .withTimeLimit(bound.timeLimitMillis(), ticker)
                .withStopOn(stopEarly ? DAMAGE : Set.of())
                .withObservers(observers)
                .withProgress(progress)
                .withCancelled(cancelled);
        ExplorationResult r = Explorer.explore(s.program(), cfg);
        List<Violation> damage = new ArrayList<>();
        List<Violation> assertions = new ArrayList<>();
        for (Violation v : r.violations()) {
            if (v.kind() == ViolationKind.ASSERTION) {
                assertions.add(v);
            } else if (v.kind().damage() && (baselineDamage == null || !baselineDamage.contains(v.key()))) {
                damage.add(v);
            }
        }
        damage.sort(MINIMAL);
        return new Explored(new ScenarioRun(s.name(), label, true, r.executions(), r.exhaustive(), r.stopReason(),
                r.elapsedMillis(), damage, assertions), r);
    }

    /** The run of a scenario the experiment cannot change: its site never ran in the exhaustive baseline. */
    static ScenarioRun unreached(Scenario s, String label) {
        return new ScenarioRun(s.name(), label, false, 0, true, "not-reached", 0, List.of(), List.of());
    }

    /** Fewest preemptions, then fewest steps, then the first found. */
    static final java.util.Comparator<Violation> MINIMAL = java.util.Comparator
            .comparingInt((Violation v) -> v.trace().preemptions())
            .thenComparingInt(v -> v.trace().steps().size())
            .thenComparingLong(Violation::execution);
}
