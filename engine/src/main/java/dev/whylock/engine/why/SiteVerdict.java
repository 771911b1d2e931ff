package dev.whylock.engine.why;

import dev.whylock.engine.result.Violation;
import java.util.List;

/**
 * The verdict on removing the lock at one acquisition site (or at all sites): necessary with the
 * damage and the minimal counterexample, or not needed within the bound.
 *
 * @param lockClass       the lock under inquiry
 * @param site            the acquisition site, or {@link #ALL_SITES} for removing the lock everywhere
 * @param experiment      the experiment in command-line form
 * @param necessity       the verdict
 * @param damageKind      the kind of the first damage ({@code use-after-free}, ...), or {@code null}
 * @param scenario        the scenario that broke, or {@code null}
 * @param counterexample  the minimal counterexample (fewest preemptions, then steps), or {@code null}
 * @param executions      executions explored over all scenarios for this verdict
 * @param exhaustive      whether every scenario run was exhaustive within the bound
 * @param assumed         failed lock assertions under the experiment: code that assumed the lock
 *                        (reported separately from damage), one per distinct message
 * @param runs            the per-scenario explorations, in scenario order
 */
public record SiteVerdict(
        String lockClass,
        String site,
        String experiment,
        Necessity necessity,
        String damageKind,
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

    /** Whether this is the verdict for all sites at once. */
    public boolean allSites() {
        return ALL_SITES.equals(site);
    }
}
