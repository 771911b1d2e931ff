package dev.whylock.engine.why;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.RaceDetector;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.StopReason;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.search.ExecutionObserver;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.MergeableObserver;
import dev.whylock.engine.search.Progress;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.engine.search.Ticker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Explores one scenario with DPOR under the inquiry's bound and sorts its findings into damage, new races and assumptions. */
final class ScenarioRunner {

    /*
     * Damage counts only when the unmodified program does not already have it: a scenario that
     * self-deadlocks without any experiment must not make every site look necessary. When the
     * baseline is clean the search stops at the first damage (and minimises it); otherwise it
     * explores the whole bound and drops the damage the baseline already had. Races are found by
     * a happens-before detector over every execution and count when the baseline never showed them.
     */

    static final Set<ViolationKind> DAMAGE = Set.copyOf(Arrays.stream(ViolationKind.values()).filter(ViolationKind::damage).toList());

    private final InquiryBound bound;
    private final RunConfig run;
    private final Ticker ticker;
    private final Supplier<Progress> progress;
    private final BooleanSupplier cancelled;
    private final InquiryListener listener;
    private final boolean countRaces;
    private int started;
    private int total;
    private RemoteExplorer remote;

    /** {@code progress} gives each exploration its progress (several may run at once); {@code listener} hears them start. */
    ScenarioRunner(InquiryBound bound, RunConfig run, Ticker ticker, Supplier<Progress> progress, BooleanSupplier cancelled,
            InquiryListener listener, boolean countRaces) {
        this.countRaces = countRaces;
        this.bound = bound;
        this.run = run;
        this.ticker = ticker;
        this.progress = progress;
        this.cancelled = cancelled;
        this.listener = listener;
    }

    /** Runs every exploration elsewhere (see {@link LockInquiry#withRemote}); its observers must be mergeable. */
    void sendTo(RemoteExplorer r) {
        this.remote = r;
    }

    /** Sets the number of explorations the inquiry may run, for the listener. */
    synchronized void expect(int explorations) {
        total = explorations;
    }

    /** What the unmodified program already does in one scenario: the damage and races an experiment must not be blamed for. */
    record Baseline(Set<String> damage, Set<String> races) implements java.io.Serializable {}

    /**
     * Explores {@code s} under {@code experiment} (added to the caller's own; {@code null} for the
     * unmodified program), reporting as damage and races only what {@code baseline} does not have
     * ({@code null}: this is the baseline).
     */
    ScenarioRun explore(Scenario s, LockExperiment experiment, Baseline baseline, List<ExecutionObserver> observers) {
        return explore(s, experiment, baseline, observers, () -> false);
    }

    /** As above; {@code unneeded} says the result will be dropped, and stops the exploration like a Ctrl-C. */
    ScenarioRun explore(Scenario s, LockExperiment experiment, Baseline baseline, List<ExecutionObserver> observers,
            BooleanSupplier unneeded) {
        synchronized (this) {
            started++;
            listener.exploring(s.name(), experiment, started, Math.max(total, started));
        }
        if (remote != null) {
            return elsewhere(s, experiment, baseline, observers, unneeded);
        }
        List<LockExperiment> all = new ArrayList<>(run.experiments());
        if (experiment != null) {
            all.add(experiment);
        }
        boolean stopEarly = baseline != null && baseline.damage().isEmpty();
        RaceDetector races = new RaceDetector();
        List<ExecutionObserver> obs = new ArrayList<>(observers);
        if (countRaces) {
            obs.add(races);
        }
        SearchConfig cfg = SearchConfig.of(StrategySpec.dpor())
                .withRun(run.withExperiments(all))
                .withMaxExecutions(bound.maxExecutions())
                .withTimeLimit(bound.timeLimitMillis(), ticker)
                .withStopOn(stopEarly ? DAMAGE : Set.of())
                .withObservers(obs)
                .withProgress(progress.get())
                .withCancelled(() -> cancelled.getAsBoolean() || unneeded.getAsBoolean());
        ExplorationResult r = Explorer.explore(s.program(), cfg);
        List<Violation> damage = new ArrayList<>();
        List<Violation> assertions = new ArrayList<>();
        for (Violation v : r.violations()) {
            if (v.kind() == ViolationKind.ASSERTION) {
                assertions.add(v);
            } else if (DAMAGE.contains(v.kind()) && (baseline == null || !baseline.damage().contains(v.key()))) {
                damage.add(v);
            }
        }
        damage.sort(MINIMAL);
        List<DataRace> newRaces = races.result().races().stream()
                .filter(x -> baseline == null || !baseline.races().contains(x.key())).toList();
        return new ScenarioRun(s.name(), experiment, r.executions(), r.exhaustive(), r.stopReason(), r.elapsedMillis(), damage,
                assertions, newRaces);
    }

    /**
     * Has the exploration run by {@link #remote}: the observers watch it through fresh copies that
     * come back with the answer and are absorbed here, so they end as if they had watched it here.
     */
    private ScenarioRun elsewhere(Scenario s, LockExperiment experiment, Baseline baseline, List<ExecutionObserver> observers,
            BooleanSupplier unneeded) {
        List<MergeableObserver> copies = new ArrayList<>();
        for (ExecutionObserver o : observers) {
            if (!(o instanceof MergeableObserver m)) {
                throw new IllegalStateException("observer " + o.getClass().getName() + " cannot observe an exploration run elsewhere");
            }
            copies.add(m.fresh());
        }
        long start = ticker.nanos();
        byte[] answer = remote.explore(ExplorationWire.request(s.name(), experiment, baseline, copies),
                () -> cancelled.getAsBoolean() || unneeded.getAsBoolean());
        if (answer == null) { // given up: what a Ctrl-C before the first execution leaves
            return new ScenarioRun(s.name(), experiment, 0, false, StopReason.INTERRUPTED, (ticker.nanos() - start) / 1_000_000,
                    List.of(), List.of(), List.of());
        }
        ExplorationWire.Answer a = ExplorationWire.readAnswer(answer);
        for (int i = 0; i < observers.size(); i++) {
            ((MergeableObserver) observers.get(i)).absorb(a.observers().get(i));
        }
        ScenarioRun r = a.run();
        long elapsed = ticker.nanos() - start;
        progress.get().update(r.executions(), 0, r.damage().size(), elapsed);
        // Timed by this side's clock, as every other time of the report (the member's clock is not ours).
        return new ScenarioRun(r.scenario(), r.experiment(), r.executions(), r.exhaustive(), r.stopReason(), elapsed / 1_000_000, r.damage(),
                r.assertions(), r.races());
    }

    /** The run of a scenario the experiment cannot change: its site never ran in the exhaustive baseline. */
    static ScenarioRun unreached(Scenario s, LockExperiment experiment) {
        return new ScenarioRun(s.name(), experiment, 0, true, StopReason.NOT_REACHED, 0, List.of(), List.of(), List.of());
    }

    /** Fewest preemptions, then fewest steps, then the first found. */
    static final Comparator<Violation> MINIMAL = Comparator
            .comparing(Violation::afterFailure) // a failure of its own before one that may follow from another
            .thenComparingInt((Violation v) -> v.trace().preemptions())
            .thenComparingInt(v -> v.trace().steps().size())
            .thenComparingLong(Violation::execution);
}
