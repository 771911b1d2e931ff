package dev.whylock.report;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.why.ReplacementOutcome;
import dev.whylock.engine.why.ScenarioRun;
import dev.whylock.engine.why.SiteVerdict;
import dev.whylock.engine.why.WhyReport;
import java.util.ArrayList;
import java.util.List;

/** The numbered counterexamples of a {@link WhyReport}, in the order every format shows them. */
final class WhyVerdict {

    private WhyVerdict() {}

    /**
     * A counterexample with the title under which the report shows it, and the experiment
     * ({@code null}: the code as written) and scenario that found it.
     */
    record Finding(int number, String title, LockExperiment experiment, String scenario, Violation violation) {}

    /** Where a verdict applies, in kernel spelling: {@code rtnl_mutex@f} or {@code rtnl_mutex (every site)}. */
    static String where(SiteVerdict v) {
        return v.allSites() ? v.lockClass() + " (every site)" : v.lockClass() + "@" + v.site();
    }

    /**
     * The counterexamples in report order: the verdicts (sites, then all sites: damage or the first
     * new race), then replacement damage, then damage in the code as written.
     */
    static List<Finding> findings(WhyReport w) {
        List<Finding> out = new ArrayList<>();
        for (SiteVerdict v : w.verdicts()) {
            if (v.counterexample() != null) {
                out.add(new Finding(out.size() + 1, v.experiment() + " in scenario " + v.scenario(), v.experiment(), v.scenario(),
                        v.counterexample()));
            }
        }
        for (ReplacementOutcome r : w.replacements()) {
            for (Violation d : r.damage()) {
                String scenario = r.scenarioOf(d);
                out.add(new Finding(out.size() + 1, r.experiment() + (scenario == null ? "" : " in scenario " + scenario),
                        r.experiment(), scenario, d));
            }
        }
        for (ScenarioRun b : w.baselines()) {
            for (Violation d : b.damage()) {
                out.add(new Finding(out.size() + 1, "the code as written, scenario " + b.scenario(), null, b.scenario(), d));
            }
        }
        return out;
    }

    /** The number of the finding showing {@code v}, or 0. */
    static int numberOf(List<Finding> findings, Violation v) {
        return findings.stream().filter(f -> f.violation() == v).mapToInt(Finding::number).findFirst().orElse(0);
    }
}
