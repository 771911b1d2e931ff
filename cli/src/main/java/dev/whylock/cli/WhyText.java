package dev.whylock.cli;

import dev.whylock.engine.analysis.AssertionSite;
import dev.whylock.engine.analysis.FieldLockset;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.why.Necessity;
import dev.whylock.engine.why.ReplacementOutcome;
import dev.whylock.engine.why.ScenarioRun;
import dev.whylock.engine.why.SiteVerdict;
import dev.whylock.engine.why.StressComparison;
import dev.whylock.engine.why.SuggestedAnnotation;
import dev.whylock.engine.why.WhyReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** The why report as text (interim, until the report module renders {@link WhyReport}). */
final class WhyText {
    private WhyText() {}

    static String render(String model, WhyReport w, Map<Violation, String> replays) {
        StringWriter sw = new StringWriter();
        PrintWriter out = new PrintWriter(sw);
        long necessary = WhyOutput.verdicts(w).stream().filter(v -> v.necessity() == Necessity.NECESSARY).count();
        out.printf("WHY %s? %s%n", w.lockClass(), necessary == 0
                ? "no removal broke anything within the bound"
                : "removing it breaks the code at " + w.necessarySites().size() + " of " + w.sites().size() + " sites"
                        + (w.allSites() != null && w.allSites().necessity() == Necessity.NECESSARY ? " and everywhere at once" : ""));
        out.printf("  model %s, %d scenario%s, at most %,d executions per exploration, %.1f s%s%n%n", model, w.scenarios().size(),
                w.scenarios().size() == 1 ? "" : "s", w.bound().maxExecutions(), w.elapsedMillis() / 1000.0,
                w.interrupted() ? ", INTERRUPTED: partial report" : "");
        out.println("Removing the lock, one acquisition site at a time");
        out.printf("  %-34s %-24s %-20s %-40s %10s %s%n", "site", "verdict", "damage", "scenario", "executions", "exhaustive");
        for (SiteVerdict v : WhyOutput.verdicts(w)) {
            out.printf("  %-34s %-24s %-20s %-40s %,10d %s%n", v.allSites() ? "(all sites)" : v.site(), v.necessity().key(),
                    dash(v.damageKind()), dash(v.scenario()), v.executions(), v.exhaustive() ? "yes" : "no");
        }
        out.println();
        boolean any = false;
        for (SiteVerdict v : WhyOutput.verdicts(w)) {
            if (v.counterexample() == null) {
                continue;
            }
            if (!any) {
                out.println("Counterexamples (minimal: fewest preemptions, then fewest steps)");
                any = true;
            }
            Violation c = v.counterexample();
            out.printf("  %s, in %s: %s: %s%n", v.experiment(), v.scenario(), c.kind().key(), c.message());
            out.printf("    %d steps, %d preemption%s; replay: whylock replay %s%n", c.trace().steps().size(),
                    c.trace().preemptions(), c.trace().preemptions() == 1 ? "" : "s", replays.get(c));
        }
        if (any) {
            out.println();
        }
        if (!w.locksets().isEmpty()) {
            out.println("What it protects: fields accessed with " + w.lockClass() + " held at every shared access");
            for (FieldLockset f : w.locksets()) {
                out.printf("  %-32s %s%s%n", f.field(), String.join(", ", f.locks()),
                        w.protectsAlone().contains(f.field()) ? "   (the only lock)" : "");
            }
            out.println();
        }
        if (!w.assertions().isEmpty()) {
            out.println("What relies on it: lock assertions");
            for (AssertionSite a : w.assertions()) {
                out.printf("  %s(%s) in %s: ran %d, failed %d%n", a.form(), a.lockClass(), a.site(), a.checks(), a.failures());
            }
            out.println();
        }
        for (ReplacementOutcome r : w.replacements()) {
            out.printf("Replacing it: %s: %s%n", r.experiment(), r.safeWithinBound() ? "no damage, race or deadlock cycle within the bound"
                    : r.damage().size() + " damage, " + r.newRaces().size() + " new races, " + r.cycles().size() + " new lock-order cycles");
            for (Violation v : r.damage()) {
                out.printf("  %s: %s%s%n", v.kind().key(), v.message(), replays.get(v) == null ? "" : "; replay: whylock replay " + replays.get(v));
            }
            out.println();
        }
        if (!w.stress().isEmpty()) {
            out.println("Run it and see: real-thread stress runs versus systematic exploration");
            for (StressComparison s : w.stress()) {
                out.printf("  %s in %s: %,d of %,d stress runs failed; DPOR found it in execution %,d%n", s.experiment(),
                        s.scenario(), s.stress().failures(), s.stress().runs(), s.dporExecutionsToCounterexample());
            }
            out.println();
        }
        for (ScenarioRun b : w.baselines()) {
            for (Violation v : b.damage()) {
                out.printf("Note: %s already fails without any experiment: %s: %s%n", b.scenario(), v.kind().key(), v.message());
            }
        }
        if (!w.annotations().isEmpty()) {
            out.println("Suggested annotations");
            for (SuggestedAnnotation a : w.annotations()) {
                out.printf("  %-32s %s%n", a.field(), a.kernel());
            }
        }
        out.flush();
        return sw.toString();
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
