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

/** Decides one removal verdict: remove the lock at a site (or everywhere) and explore the scenarios for new damage and races. */
final class Verdicts {

    private final String lockClass;
    private final List<Scenario> scenarios;
    private final ScenarioRunner runner;
    private final Map<String, ScenarioRunner.Baseline> baselines;
    private final Map<String, Set<String>> sitesByScenario;
    private final Map<String, Boolean> baselineExhaustive;
    private final BooleanSupplier cancelled;
    private final boolean allScenarios;

    Verdicts(String lockClass, List<Scenario> scenarios, ScenarioRunner runner, Map<String, ScenarioRunner.Baseline> baselines,
            Map<String, Set<String>> sitesByScenario, Map<String, Boolean> baselineExhaustive, BooleanSupplier cancelled,
            boolean allScenarios) {
        this.lockClass = lockClass;
        this.scenarios = scenarios;
        this.runner = runner;
        this.baselines = baselines;
        this.sitesByScenario = sitesByScenario;
        this.baselineExhaustive = baselineExhaustive;
        this.cancelled = cancelled;
        this.allScenarios = allScenarios;
    }

    /** The verdict on removing the lock at {@code site}, or everywhere for {@link SiteVerdict#ALL_SITES}. */
    SiteVerdict removal(String site) {
        boolean everywhere = SiteVerdict.ALL_SITES.equals(site);
        LockExperiment e = everywhere ? LockExperiment.remove(lockClass) : LockExperiment.remove(lockClass, site);
        List<ScenarioRun> runs = new ArrayList<>();
        Map<String, Violation> assumed = new LinkedHashMap<>();
        String raceScenario = null;
        DataRace firstRace = null;
        long executions = 0;
        boolean exhaustive = true;
        boolean complete = true;
        ScenarioRun broke = null;
        for (Scenario s : scenarios) {
            if (cancelled.getAsBoolean() || !baselines.containsKey(s.name())) {
                complete = false;
                break;
            }
            Set<String> seen = sitesByScenario.get(s.name());
            boolean reachable = everywhere ? !seen.isEmpty() : seen.contains(site);
            if (!reachable && baselineExhaustive.get(s.name())) {
                runs.add(ScenarioRunner.unreached(s, e));
                continue;
            }
            ScenarioRun r = runner.explore(s, e, baselines.get(s.name()), List.of());
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
