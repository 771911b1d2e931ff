package dev.whylock.report;

import dev.whylock.engine.result.Violation;
import dev.whylock.engine.why.Necessity;
import dev.whylock.engine.why.ReplacementOutcome;
import dev.whylock.engine.why.ScenarioRun;
import dev.whylock.engine.why.SiteVerdict;
import dev.whylock.engine.why.WhyReport;
import java.util.ArrayList;
import java.util.List;

/** Summaries of a {@link WhyReport} that every format states the same way, and the numbered findings. */
final class WhyVerdict {

    private WhyVerdict() {}

    /**
     * A counterexample with the title under which the report shows it, and the experiment
     * ({@code null}: the code as written) and scenario that found it.
     */
    record Finding(int number, String title, String experiment, String scenario, Violation violation) {}

    /** Necessary if any removal broke something, inconclusive if interrupted before that, else not needed. */
    static Necessity overall(WhyReport w) {
        if (all(w).stream().anyMatch(v -> v.necessity() == Necessity.NECESSARY)) {
            return Necessity.NECESSARY;
        }
        if (w.interrupted() || all(w).stream().anyMatch(v -> v.necessity() == Necessity.INCONCLUSIVE)) {
            return Necessity.INCONCLUSIVE;
        }
        return Necessity.NOT_NEEDED_WITHIN_BOUND;
    }

    /** The per-site verdicts followed by the all-sites verdict, when there is one. */
    static List<SiteVerdict> all(WhyReport w) {
        List<SiteVerdict> out = new ArrayList<>(w.siteVerdicts());
        if (w.allSites() != null) {
            out.add(w.allSites());
        }
        return out;
    }

    /**
     * Whether every claim of absence (a not-needed verdict, a safe replacement, a baseline without
     * damage) covered every execution within the bound; a counterexample is proof on its own.
     */
    static boolean exhaustive(WhyReport w) {
        return !w.interrupted()
                && w.baselines().stream().filter(r -> !r.fails()).allMatch(ScenarioRun::exhaustive)
                && all(w).stream().filter(v -> v.necessity() != Necessity.NECESSARY).allMatch(SiteVerdict::exhaustive)
                && w.replacements().stream().filter(ReplacementOutcome::safeWithinBound).allMatch(ReplacementOutcome::exhaustive);
    }

    /** Executions over the baselines, the removal verdicts and the replacements. */
    static long executions(WhyReport w) {
        long n = w.baselines().stream().mapToLong(ScenarioRun::executions).sum();
        n += all(w).stream().mapToLong(SiteVerdict::executions).sum();
        for (ReplacementOutcome r : w.replacements()) {
            n += r.runs().stream().mapToLong(ScenarioRun::executions).sum();
        }
        return n;
    }

    /** Where a verdict applies, in kernel spelling: {@code rtnl_mutex@f} or {@code rtnl_mutex (every site)}. */
    static String where(SiteVerdict v) {
        return v.allSites() ? v.lockClass() + " (every site)" : v.lockClass() + "@" + v.site();
    }

    /**
     * The counterexamples in report order: damage in the code as written, necessary removals
     * (sites, then all sites), then replacement damage.
     */
    static List<Finding> findings(WhyReport w) {
        List<Finding> out = new ArrayList<>();
        for (ScenarioRun b : w.baselines()) {
            for (Violation d : b.damage()) {
                out.add(new Finding(out.size() + 1, "the code as written, scenario " + b.scenario(), null, b.scenario(), d));
            }
        }
        for (SiteVerdict v : all(w)) {
            if (v.counterexample() != null) {
                out.add(new Finding(out.size() + 1, v.experiment() + " in scenario " + v.scenario(), v.experiment(), v.scenario(),
                        v.counterexample()));
            }
        }
        for (ReplacementOutcome r : w.replacements()) {
            for (Violation d : r.damage()) {
                String scenario = r.runs().stream().filter(run -> run.damage().stream().anyMatch(x -> x.key().equals(d.key())))
                        .map(ScenarioRun::scenario).findFirst().orElse(null);
                out.add(new Finding(out.size() + 1, r.experiment() + (scenario == null ? "" : " in scenario " + scenario),
                        r.experiment(), scenario, d));
            }
        }
        return out;
    }

    /** The number of the finding showing {@code v}, or 0. */
    static int numberOf(List<Finding> findings, Violation v) {
        return findings.stream().filter(f -> f.violation() == v).mapToInt(Finding::number).findFirst().orElse(0);
    }
}
