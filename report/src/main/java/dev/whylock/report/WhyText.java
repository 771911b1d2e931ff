package dev.whylock.report;

import dev.whylock.engine.result.Violation;
import dev.whylock.engine.why.InquiryBound;
import dev.whylock.engine.why.Necessity;
import dev.whylock.engine.why.ScenarioRun;
import dev.whylock.engine.why.SiteVerdict;
import java.io.IOException;
import java.util.List;

/** Phrases of the why report shared by its text and HTML forms. */
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
            case NOT_NEEDED_WITHIN_BOUND -> "NOT NEEDED";
            case INCONCLUSIVE -> "UNDECIDED";
        };
    }

    /** Why a verdict holds, in one line. */
    static String because(SiteVerdict v, int counterexample) {
        return switch (v.necessity()) {
            case NECESSARY -> "without it, " + v.damageKind() + " in scenario " + v.scenario() + ": "
                    + v.counterexample().message() + " (counterexample " + counterexample + ")";
            case NOT_NEEDED_WITHIN_BOUND -> "no damage in " + count(v.executions(), "execution")
                    + (v.exhaustive() ? ", exhaustive" : ", not exhaustive") + reached(v);
            case INCONCLUSIVE -> "stopped after " + v.executions() + " executions, before a verdict";
        };
    }

    private static String reached(SiteVerdict v) {
        long unreached = v.runs().stream().filter(r -> !r.reached()).count();
        return unreached == 0 ? "" : " (" + unreached + " of " + v.runs().size() + " scenarios never reach this site)";
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
        return "no (" + (r.stopReason().equals("exhausted") ? "a run bound cut some schedules" : Glossary.stopReason(r.stopReason())) + ")";
    }

    static String kinds(List<Violation> vs) {
        return String.join(", ", vs.stream().map(v -> v.kind().key()).distinct().toList());
    }
}
