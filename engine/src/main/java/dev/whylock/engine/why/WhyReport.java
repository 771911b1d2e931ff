package dev.whylock.engine.why;

import dev.whylock.engine.analysis.AssertionSite;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.FieldLockset;
import dev.whylock.engine.analysis.LockCycle;
import java.util.List;

/**
 * The answer to "why is this lock needed?": per acquisition site whether removing it breaks
 * something, what the lock protects, what relies on it, and what replacing it does.
 *
 * @param lockClass        the lock under inquiry, e.g. {@code rtnl_mutex}
 * @param bound            the bound of every exploration
 * @param scenarios        the scenario names, in the order given
 * @param baselines        (f) the unmodified program per scenario: which fail without any experiment
 * @param sites            the acquisition sites found in the baseline executions, sorted
 * @param siteVerdicts     (a) one verdict per site, in {@link #sites} order
 * @param allSites         (a) the verdict on removing the lock at every site
 * @param locksets         (b) the lockset rows of the fields whose lockset contains the lock, sorted by field
 * @param protectsAlone    (b) the fields for which it is the only lock held at every shared access, sorted
 * @param assertions       (c) the lock assertion sites that check it
 * @param baselineCycles   lock-order cycles through the lock in the unmodified program
 * @param baselineRaces    data races in the unmodified program (for context; not caused by experiments)
 * @param replacements     (d) the replacement experiments' outcomes, in the order given
 * @param stress           (e) "run it and see" numbers per necessary verdict; empty without a stress runner
 * @param annotations      suggested {@code __guarded_by}/{@code @GuardedBy} annotations for the lock
 * @param elapsedMillis    wall time of the whole inquiry
 * @param interrupted      true when the inquiry was cancelled before it finished
 */
public record WhyReport(
        String lockClass,
        InquiryBound bound,
        List<String> scenarios,
        List<ScenarioRun> baselines,
        List<String> sites,
        List<SiteVerdict> siteVerdicts,
        SiteVerdict allSites,
        List<FieldLockset> locksets,
        List<String> protectsAlone,
        List<AssertionSite> assertions,
        List<LockCycle> baselineCycles,
        List<DataRace> baselineRaces,
        List<ReplacementOutcome> replacements,
        List<StressComparison> stress,
        List<SuggestedAnnotation> annotations,
        long elapsedMillis,
        boolean interrupted) {

    public WhyReport {
        scenarios = List.copyOf(scenarios);
        baselines = List.copyOf(baselines);
        sites = List.copyOf(sites);
        siteVerdicts = List.copyOf(siteVerdicts);
        locksets = List.copyOf(locksets);
        protectsAlone = List.copyOf(protectsAlone);
        assertions = List.copyOf(assertions);
        baselineCycles = List.copyOf(baselineCycles);
        baselineRaces = List.copyOf(baselineRaces);
        replacements = List.copyOf(replacements);
        stress = List.copyOf(stress);
        annotations = List.copyOf(annotations);
    }

    /** The sites whose removal caused damage, in site order. */
    public List<SiteVerdict> necessarySites() {
        return siteVerdicts.stream().filter(v -> v.necessity() == Necessity.NECESSARY).toList();
    }
}
