package dev.whylock.engine.why;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.result.Violation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verdict on removing the lock at one acquisition site (or at all sites): necessary with the
 * damage and the minimal counterexample, racy with the new races, not needed within the bound, or
 * undecided.
 *
 * @param lockClass       the lock under inquiry
 * @param site            the acquisition site, or {@link #ALL_SITES} for removing the lock everywhere
 * @param experiment      the removal experiment
 * @param necessity       the verdict
 * @param scenario        the scenario of the counterexample, or {@code null}
 * @param counterexample  the damage (fewest preemptions, then steps) when necessary, the first new
 *                        race when racy, else {@code null}
 * @param executions      executions explored over all scenarios for this verdict
 * @param exhaustive      whether every scenario run was exhaustive within the bound
 * @param assumed         failed lock assertions under the experiment: code that assumed the lock
 *                        (reported separately from damage), one per distinct message
 * @param runs            the per-scenario explorations, in scenario order
 */
public record SiteVerdict(
        String lockClass,
        String site,
        LockExperiment experiment,
        Necessity necessity,
        String scenario,
        Violation counterexample,
        long executions,
        boolean exhaustive,
        List<Violation> assumed,
        List<ScenarioRun> runs) {

    /** The {@link #site} of the verdict on removing the lock at every site. */
    public static final String ALL_SITES = "*";

    public SiteVerdict {
        assumed = List.copyOf(assumed);
        runs = List.copyOf(runs);
    }

    /** The data races the unmodified program does not have, over all scenarios, one per field and site pair, sorted. */
    public List<DataRace> races() {
        Map<String, DataRace> out = new TreeMap<>();
        runs.forEach(r -> r.races().forEach(x -> out.putIfAbsent(x.key(), x)));
        return List.copyOf(out.values());
    }

    /** Whether this is the verdict for all sites at once. */
    public boolean allSites() {
        return ALL_SITES.equals(site);
    }

    /** The scenarios the experiment cannot change (the site never ran in their exhaustive baseline). */
    public long unreachedScenarios() {
        return runs.stream().filter(r -> !r.reached()).count();
    }
}
