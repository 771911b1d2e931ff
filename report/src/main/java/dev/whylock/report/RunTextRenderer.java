package dev.whylock.report;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.analysis.AnalysisReport;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.LockCycle;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import java.io.IOException;
import java.util.List;

/**
 * Renders a {@link RunReport} as plain text: a one-line verdict with the category first, the
 * coverage statement, then per violation the minimal counterexample as a per-task column trace and
 * the command that replays it.
 */
public final class RunTextRenderer {

    private RunTextRenderer() {}

    public static void render(RunReport report, Appendable out) throws IOException {
        ExplorationResult r = report.result();
        out.append(verdict(report)).append('\n');
        out.append("  ").append(what(report)).append("\n\n");
        coverage(report, out);
        uncontrolled(report, out);
        List<Violation> vs = r.violations();
        for (int i = 0; i < vs.size(); i++) {
            violation(report, i, out);
        }
        analysis(report, out);
        GuardedByText.render(report.guardedBy(), true, out);
    }

    /**
     * The one-line verdict: {@code VIOLATION kind in scenario: message}, {@code DATA RACE in ...}
     * when the first finding is a race (damage is listed first), or {@code NO VIOLATION in ...}.
     */
    public static String verdict(RunReport report) {
        ExplorationResult r = report.result();
        String where = report.scenario() != null ? report.scenario() : r.program();
        if (!r.hasViolation() && !report.neverReached().isEmpty() && report.neverReached().size() == r.experiments().size()) {
            return "NEVER REACHED in " + where + ": no explored execution reached what " + String.join(" and ", report.neverReached())
                    + " changes (" + r.executions() + " executions), so the experiment changed nothing";
        }
        if (!r.hasViolation()) {
            return r.exhaustive()
                    ? "NO VIOLATION in " + where + ": none of the " + r.executions() + " distinct interleavings fails"
                    : "NO VIOLATION FOUND in " + where + " within " + r.executions() + " executions (not exhaustive: "
                            + Glossary.stopReason(r.stopReason()) + ")";
        }
        Violation first = r.violations().get(0);
        String more = r.violations().size() > 1 ? " (+" + (r.violations().size() - 1) + " more)" : "";
        if (first.kind() == ViolationKind.DATA_RACE) {
            return "DATA RACE in " + where + ": " + first.message() + more;
        }
        return "VIOLATION " + first.kind().key() + " in " + where + ": " + first.message() + more;
    }

    private static String what(RunReport report) {
        ExplorationResult r = report.result();
        StringBuilder b = new StringBuilder();
        if ("java".equals(report.model())) {
            b.append("Java program ").append(report.scenario());
        } else {
            b.append("model ").append(report.model() == null ? "(none)" : report.model());
            b.append(", scenario ").append(report.scenario() == null ? r.program() : report.scenario());
        }
        b.append(", experiments: ").append(experiments(report));
        if (report.timing() != null) {
            b.append(", timing ").append(report.timing());
        }
        return b.toString();
    }

    /**
     * The experiments as the header names them, each marked when no execution reached it and with
     * the replacement locks the program does not have named as new.
     */
    static String experiments(RunReport report) {
        if (report.experiments().isEmpty()) {
            return "none (the code as written)";
        }
        List<String> out = new java.util.ArrayList<>();
        for (dev.whylock.engine.LockExperiment e : report.experiments()) {
            String s = e.toString();
            if (e.replacement() != null && report.newLockClasses().contains(e.replacement())) {
                s += " (" + e.replacement() + ": a new lock class)";
            }
            if (report.neverReached().contains(e.toString())) {
                s += " (never reached)";
            }
            out.add(s);
        }
        return String.join("; ", out);
    }

    private static void coverage(RunReport report, Appendable out) throws IOException {
        ExplorationResult r = report.result();
        out.append("Coverage\n");
        row(out, "executions", String.valueOf(r.executions()), Glossary.EXECUTION);
        row(out, "blocked", String.valueOf(r.blocked()), Glossary.BLOCKED);
        boolean uncontrolled = !report.notControlled().isEmpty() || !report.notReset().isEmpty();
        row(out, "exhaustive", r.exhaustive() ? "yes" : "no", r.exhaustive() ? Glossary.EXHAUSTIVE
                : uncontrolled && r.stopReason() == dev.whylock.engine.result.StopReason.EXHAUSTED ? Glossary.NOT_EXHAUSTIVE_UNCONTROLLED
                : Glossary.NOT_EXHAUSTIVE);
        row(out, "bound", bound(r), boundExplained(r));
        row(out, "stopped", r.stopReason().key(), Glossary.stopReason(r.stopReason()));
        row(out, "strategy", r.strategy(), Glossary.strategy(r.strategy()) + (r.seed() != 0 ? " (seed " + r.seed() + ")" : ""));
        row(out, "elapsed", r.elapsedMillis() + " ms", "");
        out.append('\n');
    }

    /** What a Java program did outside the scheduler's control or reset: why "exhaustive" is off. */
    private static void uncontrolled(RunReport report, Appendable out) throws IOException {
        if (!report.notControlled().isEmpty()) {
            out.append("Not controlled (").append(Glossary.NOT_CONTROLLED).append(")\n");
            for (String s : report.notControlled()) {
                out.append("  - ").append(s).append('\n');
            }
            out.append('\n');
        }
        if (!report.notReset().isEmpty()) {
            out.append("Not reset between executions (").append(Glossary.NOT_RESET).append(")\n");
            for (String s : report.notReset()) {
                out.append("  - ").append(s).append('\n');
            }
            out.append('\n');
        }
    }

    /** Which bound the exhaustiveness claim is relative to. */
    static String bound(ExplorationResult r) {
        StringBuilder b = new StringBuilder();
        if (r.strategy() != null && r.strategy().contains("preemptions<=")) {
            b.append(r.strategy(), r.strategy().indexOf("preemptions<="), r.strategy().length() - 1);
        }
        if (r.bounded()) {
            b.append(b.isEmpty() ? "" : ", ").append("work-item runs");
        }
        return b.isEmpty() ? "none" : b.toString();
    }

    static String boundExplained(ExplorationResult r) {
        return r.bounded() ? Glossary.BOUNDED
                : bound(r).equals("none") ? "no preemption or work-run bound (only the per-execution step limit)"
                : "only schedules with at most this many preemptions were run";
    }

    private static void violation(RunReport report, int i, Appendable out) throws IOException {
        Violation v = report.violations().get(i);
        out.append("Violation ").append(String.valueOf(i + 1)).append(" of ").append(String.valueOf(report.violations().size()))
                .append(": ").append(v.kind().key()).append(" -- ").append(v.message()).append('\n');
        out.append("  ").append(v.kind().key()).append(": ").append(Glossary.kind(v.kind().key())).append('\n');
        if (v.afterFailure()) {
            out.append("  after an earlier failure: in every execution that showed it, a task had already been killed by\n")
                    .append("  another violation it depends on, so it may be a consequence of that failure\n");
        }
        if (v.message().contains("; ")) {
            for (String part : v.message().split("; ")) {
                out.append("    - ").append(part).append('\n');
            }
        }
        out.append("  minimal counterexample: ").append(String.valueOf(v.trace().steps().size())).append(" steps, ")
                .append(String.valueOf(v.trace().preemptions())).append(v.trace().preemptions() == 1 ? " preemption" : " preemptions")
                .append(", first seen in execution ").append(String.valueOf(v.execution())).append('\n');
        out.append("    (minimal: ").append(Glossary.MINIMAL).append(")\n\n");
        ColumnTrace.print(v, "  ", out);
        out.append('\n');
        String file = report.replayFile(i);
        if (file != null) {
            out.append("  replay: whylock replay ").append(file).append('\n');
            out.append("          (").append(Glossary.REPLAY).append(")\n\n");
        }
    }

    private static void analysis(RunReport report, Appendable out) throws IOException {
        AnalysisReport a = report.analysis();
        if (a == null) {
            return;
        }
        if (!a.locksets().fields().isEmpty()) {
            out.append("Locksets over ").append(String.valueOf(a.locksets().executions())).append(" executions (")
                    .append(Glossary.LOCKSET).append(")\n");
            AnalysisText.locksets(a.locksets().fields(), "  ", out);
            out.append('\n');
        }
        if (!a.lockOrder().edges().isEmpty()) {
            out.append("Lock order (").append(Glossary.LOCK_ORDER).append(")\n");
            AnalysisText.edges(a.lockOrder().edges(), "  ", out);
            out.append('\n');
        }
        if (!a.lockOrder().cycles().isEmpty()) {
            out.append("Lock-order cycles (lockdep: a cycle can deadlock even when no explored execution did)\n");
            for (LockCycle c : a.lockOrder().cycles()) {
                AnalysisText.cycle(c, "  ", out);
                out.append('\n');
            }
        }
        boolean counted = report.violations().stream().anyMatch(v -> v.kind() == ViolationKind.DATA_RACE);
        if (!a.races().races().isEmpty() && !counted) {
            out.append("Data races, not counted in the verdict (ignored as asked: --ignore data-race)\n");
            for (DataRace r : a.races().races()) {
                AnalysisText.race(r, false, "  ", out);
                out.append('\n');
            }
        }
        if (!a.assertions().sites().isEmpty()) {
            out.append("Lock assertions (code that relies on a lock being held)\n");
            AnalysisText.assertions(a.assertions().sites(), "  ", out);
            out.append('\n');
        }
    }

    private static void row(Appendable out, String key, String value, String explain) throws IOException {
        String line = String.format("  %-11s %-10s %s", key, value, explain);
        out.append(line.stripTrailing()).append('\n');
    }
}
