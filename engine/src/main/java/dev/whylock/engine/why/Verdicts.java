package dev.whylock.engine.why;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.result.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/** Decides one removal verdict: remove the lock at a site (or everywhere) and explore the scenarios for new damage and races. */
final class Verdicts {

    private final String lockClass;
    private final List<Scenario> scenarios;
    private final Map<String, ScenarioRunner.Baseline> baselines;
    private final Map<String, Set<String>> sitesByScenario;
    private final Map<String, Boolean> baselineExhaustive;
    private final BooleanSupplier cancelled;
    private final boolean allScenarios;

    Verdicts(String lockClass, List<Scenario> scenarios, Map<String, ScenarioRunner.Baseline> baselines,
            Map<String, Set<String>> sitesByScenario, Map<String, Boolean> baselineExhaustive, BooleanSupplier cancelled,
            boolean allScenarios) {
        this.lockClass = lockClass;
        this.scenarios = scenarios;
        this.baselines = baselines;
        this.sitesByScenario = sitesByScenario;
        this.baselineExhaustive = baselineExhaustive;
        this.cancelled = cancelled;
        this.allScenarios = allScenarios;
    }

    /** The experiment of a removal verdict: the lock removed at {@code site}, or everywhere for {@link SiteVerdict#ALL_SITES}. */
    LockExperiment experiment(String site) {
        return SiteVerdict.ALL_SITES.equals(site) ? LockExperiment.remove(lockClass) : LockExperiment.remove(lockClass, site);
    }

    /**
     * Whether the verdict on {@code site} explores scenario {@code index}: it has a baseline, and the
     * exhaustive baseline did not show that the site is never reached there.
     */
    boolean explores(String site, int index) {
        Scenario s = scenarios.get(index);
        if (!baselines.containsKey(s.name())) {
            return false;
        }
        Set<String> seen = sitesByScenario.get(s.name());
        boolean reachable = SiteVerdict.ALL_SITES.equals(site) ? !seen.isEmpty() : seen.contains(site);
        return reachable || !baselineExhaustive.get(s.name());
    }

    /** The baseline an experiment's run of scenario {@code index} is judged against. */
    ScenarioRunner.Baseline baseline(int index) {
        return baselines.get(scenarios.get(index).name());
    }

    /** Whether a verdict stops at the first scenario that breaks. */
    boolean stopsAtFirstBreak() {
        return !allScenarios;
    }

    /**
     * The verdict on removing the lock at {@code site} (or everywhere) from the runs {@code runOf}
     * gives per scenario index (null: not run, the inquiry was interrupted); it asks for them in
     * scenario order, and only for those {@link #explores} says are explored, up to the first that
     * breaks (unless every scenario is explored).
     */
    SiteVerdict removal(String site, IntFunction<ScenarioRun> runOf) {
        LockExperiment e = experiment(site);
        List<ScenarioRun> runs = new ArrayList<>();
        Map<String, Violation> assumed = new LinkedHashMap<>();
        String raceScenario = null;
        DataRace firstRace = null;
        long executions = 0;
        boolean exhaustive = true;
        boolean complete = true;
        ScenarioRun broke = null;
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            if (cancelled.getAsBoolean() || !baselines.containsKey(s.name())) {
                complete = false;
                break;
            }
            if (!explores(site, i)) {
                runs.add(ScenarioRunner.unreached(s, e));
                continue;
            }
            ScenarioRun r = runOf.apply(i);
            if (r == null) {
                complete = false;
                break;
            }
            runs.add(r);
            executions += r.executions();
            exhaustive &= r.exhaustive();
            complete &= r.finished();
            for (Violation v : r.assertions()) {
                assumed.putIfAbsent(v.key(), v);
            }
            if (firstRace == null && !r.races().isEmpty()) {
                firstRace = r.races().get(0);
                raceScenario = r.scenario();
            }
            if (r.fails() && broke == null) {
                broke = r;
                if (!allScenarios) {
                    break;
                }
            }
        }
        if (broke != null) {
            return new SiteVerdict(lockClass, site, e, Necessity.NECESSARY, broke.scenario(), broke.damage().get(0), executions,
                    exhaustive, List.copyOf(assumed.values()), runs);
        }
        if (firstRace != null) {
            return new SiteVerdict(lockClass, site, e, Necessity.RACY, raceScenario, firstRace.violation(), executions, exhaustive,
                    List.copyOf(assumed.values()), runs);
        }
        Necessity n = complete ? Necessity.NOT_NEEDED_WITHIN_BOUND : Necessity.UNDECIDED;
        return new SiteVerdict(lockClass, site, e, n, null, null, executions, exhaustive && complete,
                List.copyOf(assumed.values()), runs);
    }
}
