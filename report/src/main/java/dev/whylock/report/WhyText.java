package dev.whylock.report;

import dev.whylock.engine.result.Violation;
import dev.whylock.engine.why.InquiryBound;
import dev.whylock.engine.why.Necessity;
import dev.whylock.engine.why.ReplacementOutcome;
import dev.whylock.engine.why.ScenarioRun;
import dev.whylock.engine.why.SiteVerdict;
import dev.whylock.engine.why.WhyReport;
import java.io.IOException;
import java.util.List;

/** Phrases of the why report shared by its short and full text and its HTML. */
final class WhyText {

    private WhyText() {}

    static void section(String title, String explain, Appendable out) throws IOException {
        out.append(title).append('\n');
        if (explain != null) {
            out.append("  (").append(explain).append(")\n");
        }
    }

    static String bound(InquiryBound b) {
        return "at most " + b.maxExecutions() + " executions per exploration"
                + (b.timeLimitMillis() > 0 ? " and " + b.timeLimitMillis() + " ms" : "");
    }

    static String necessity(Necessity n) {
        return switch (n) {
            case NECESSARY -> "NECESSARY";
            case RACY -> "RACY";
            case NOT_NEEDED_WITHIN_BOUND -> "NOT NEEDED";
            case UNDECIDED -> "UNDECIDED";
        };
    }

    /** {@code rtnl_mutex is NECESSARY: removing it breaks something at N of M acquisition sites}, or the opposite. */
    static String headline(WhyReport w) {
        long broken = w.siteVerdicts().stream().filter(v -> v.necessity() == Necessity.NECESSARY).count();
        long racy = w.siteVerdicts().stream().filter(v -> v.necessity() == Necessity.RACY).count();
        String of = " of " + w.siteCount() + " acquisition sites" + (w.unreachedSites().isEmpty() ? ""
                : " (" + w.unreachedSites().size() + " never reached)");
        String races = racy == 0 ? "" : "; removing it at " + racy + " more adds data races";
        return switch (w.verdict()) {
            case NECESSARY -> w.lockClass() + " is NECESSARY: removing it breaks something at " + broken + of
                    + (w.allSites() != null && w.allSites().necessity() == Necessity.NECESSARY ? " and when removed everywhere" : "")
                    + races;
            case RACY -> w.lockClass() + " is RACY without it: no damage, but removing it adds data races at " + racy + of;
            case NOT_NEEDED_WITHIN_BOUND -> w.lockClass() + " is NOT NEEDED within the bound: no removal broke anything in "
                    + w.executions() + " executions" + (w.exhaustive() ? " (exhaustive)" : " (not exhaustive)");
            case UNDECIDED -> w.lockClass() + ": UNDECIDED, the inquiry stopped before every site was decided";
        };
    }

    /** Why a verdict holds, in one line. */
    static String because(SiteVerdict v) {
        return switch (v.necessity()) {
            case NECESSARY -> "without it, " + v.counterexample().kind().key() + " in scenario " + v.scenario() + ": "
                    + v.counterexample().message();
            case RACY -> "no damage, but " + count(v.races().size(), "new data race") + ", e.g. in scenario " + v.scenario() + ": "
                    + v.counterexample().message();
            case NOT_NEEDED_WITHIN_BOUND -> "no damage and no new race in " + count(v.executions(), "execution")
                    + (v.exhaustive() ? ", exhaustive" : ", not exhaustive") + reached(v);
            case UNDECIDED -> "stopped after " + count(v.executions(), "execution") + ", before a verdict";
        };
    }

    private static String reached(SiteVerdict v) {
        long unreached = v.unreachedScenarios();
        return unreached == 0 ? "" : " (" + unreached + " of " + v.runs().size() + " scenarios never reach this site)";
    }

    static String replacement(ReplacementOutcome r) {
        return switch (r.verdict()) {
            case UNSAFE -> "UNSAFE";
            case RACY -> "RACY (no damage, new data races)";
            case SAFE_WITHIN_BOUND -> "SAFE within the bound" + (r.exhaustive() ? " (exhaustive)" : " (not exhaustive)");
            case UNDECIDED -> "UNDECIDED (stopped before every scenario was explored)";
        };
    }

    /** {@code 1 cycle}, {@code 2 cycles}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code yes}, or {@code no} with the reason the run was not exhaustive. */
    static String exhaustive(ScenarioRun r) {
        if (r.exhaustive()) {
            return "yes";
        }
        return "no (" + (r.stopReason() == dev.whylock.engine.result.StopReason.EXHAUSTED ? "a run bound cut some schedules"
                : Glossary.stopReason(r.stopReason())) + ")";
    }

    /** The kinds of {@code vs}, independent failures first; those that followed a failure are marked. */
    static String kinds(List<Violation> vs) {
        List<String> own = vs.stream().filter(v -> !v.afterFailure()).map(v -> v.kind().key()).distinct().toList();
        List<String> after = vs.stream().filter(Violation::afterFailure).map(v -> v.kind().key()).distinct()
                .filter(k -> !own.contains(k)).map(k -> k + " after it").toList();
        List<String> all = new java.util.ArrayList<>(own);
        all.addAll(after);
        return String.join(", ", all);
    }
}
