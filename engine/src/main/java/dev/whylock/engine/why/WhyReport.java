package dev.whylock.engine.why;

import dev.whylock.engine.analysis.AssertionSite;
import dev.whylock.engine.analysis.CriticalSection;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.FieldLockset;
import dev.whylock.engine.analysis.LockCycle;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to "why is this lock needed?": per acquisition site whether removing it breaks
 * something, what the lock protects, what relies on it, and what replacing it does; with the
 * overall verdict and totals ({@link #verdict()}, {@link #exhaustive()}, {@link #executions()}).
 *
 * @param lockClass        the lock under inquiry, e.g. {@code rtnl_mutex}
 * @param bound            the bound of every exploration
 * @param scenarios        the scenario names, in the order given
 * @param baselines        the unmodified program per scenario: which fail without any experiment
 * @param sites            the acquisition sites found in the baseline executions, sorted
 * @param unreachedSites   acquisition sites the program declares that no scenario reached, sorted
 * @param siteVerdicts     one verdict per reached site, in {@link #sites} order
 * @param allSites         the verdict on removing the lock at every site ({@code null} if never reached)
 * @param sections         what each site's critical sections do in the unmodified program, in site order
 * @param locksets         the lockset rows of the fields whose lockset contains the lock, sorted by field
 * @param protectsAlone    the fields for which it is the only lock held at every shared access, sorted
 * @param assertions       the lock assertion sites that check it
 * @param baselineCycles   lock-order cycles through the lock in the unmodified program
 * @param baselineRaces    data races in the unmodified program (for context; not caused by experiments)
 * @param replacements     the replacement experiments' outcomes, in the order given
 * @param stress           "run it and see" numbers per necessary verdict; empty without a stress runner
 * @param annotations      suggested {@code __guarded_by}/{@code @GuardedBy} annotations of the fields
 *                         whose lockset contains the lock (each naming its whole lockset)
 * @param elapsedMillis    wall time of the whole inquiry
 * @param interrupted      true when the inquiry was cancelled before it finished
 */
public record WhyReport(
        String lockClass,
        InquiryBound bound,
        List<String> scenarios,
        List<ScenarioRun> baselines,
        List<String> sites,
        List<String> unreachedSites,
        List<SiteVerdict> siteVerdicts,
        SiteVerdict allSites,
        List<CriticalSection> sections,
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
        unreachedSites = List.copyOf(unreachedSites);
        siteVerdicts = List.copyOf(siteVerdicts);
        sections = List.copyOf(sections);
        locksets = List.copyOf(locksets);
        protectsAlone = List.copyOf(protectsAlone);
        assertions = List.copyOf(assertions);
        baselineCycles = List.copyOf(baselineCycles);
        baselineRaces = List.copyOf(baselineRaces);
        replacements = List.copyOf(replacements);
        stress = List.copyOf(stress);
        annotations = List.copyOf(annotations);
    }

    /** The per-site verdicts followed by the all-sites verdict, when there is one. */
    public List<SiteVerdict> verdicts() {
        List<SiteVerdict> out = new ArrayList<>(siteVerdicts);
        if (allSites != null) {
            out.add(allSites);
        }
        return out;
    }

    /** The sites whose removal caused damage, in site order. */
    public List<SiteVerdict> necessarySites() {
        return siteVerdicts.stream().filter(v -> v.necessity() == Necessity.NECESSARY).toList();
    }

    /** Every acquisition site: those reached and those the program declares but no scenario reached. */
    public int siteCount() {
        return sites.size() + unreachedSites.size();
    }

    /**
     * Necessary if any removal broke something; else racy if one only added data races; else
     * undecided if interrupted or a verdict is undecided; else not needed within the bound.
     */
    public Necessity verdict() {
        List<SiteVerdict> all = verdicts();
        if (all.stream().anyMatch(v -> v.necessity() == Necessity.NECESSARY)) {
            return Necessity.NECESSARY;
        }
        if (all.stream().anyMatch(v -> v.necessity() == Necessity.RACY)) {
            return Necessity.RACY;
        }
        if (interrupted || all.stream().anyMatch(v -> v.necessity() == Necessity.UNDECIDED)) {
            return Necessity.UNDECIDED;
        }
        return Necessity.NOT_NEEDED_WITHIN_BOUND;
    }

    /**
     * Whether every claim of absence (a not-needed verdict, a safe replacement, a baseline without
     * damage) covered every execution within the bound; a counterexample is proof on its own.
     */
    public boolean exhaustive() {
        return !interrupted
                && baselines.stream().filter(r -> !r.fails()).allMatch(ScenarioRun::exhaustive)
                && verdicts().stream().filter(v -> v.necessity() != Necessity.NECESSARY).allMatch(SiteVerdict::exhaustive)
                && replacements.stream().filter(r -> r.verdict() == ReplacementVerdict.SAFE_WITHIN_BOUND)
                        .allMatch(ReplacementOutcome::exhaustive);
    }

    /** Executions over the baselines, the removal verdicts and the replacements. */
    public long executions() {
        long n = baselines.stream().mapToLong(ScenarioRun::executions).sum();
        n += verdicts().stream().mapToLong(SiteVerdict::executions).sum();
        for (ReplacementOutcome r : replacements) {
            n += r.runs().stream().mapToLong(ScenarioRun::executions).sum();
        }
        return n;
    }

    /** The verdict on removing the lock at {@code site}, or {@code null} when the site was never reached. */
    public SiteVerdict verdictAt(String site) {
        return siteVerdicts.stream().filter(v -> v.site().equals(site)).findFirst().orElse(null);
    }

    /** What the critical sections of {@code site} do, or {@code null} when it never took the lock. */
    public CriticalSection sectionAt(String site) {
        return sections.stream().filter(s -> s.site().equals(site)).findFirst().orElse(null);
    }
}
