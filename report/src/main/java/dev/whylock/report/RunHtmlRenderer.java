package dev.whylock.report;

import dev.whylock.engine.analysis.AnalysisReport;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.LockCycle;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Violation;
import java.io.IOException;

/**
 * Renders a {@link RunReport} as one self-contained HTML page (inline CSS and JS, no network):
 * verdict, coverage, per-violation swimlanes with the replay command, and the lockset table.
 */
public final class RunHtmlRenderer {

    private RunHtmlRenderer() {}

    public static void render(RunReport report, Appendable out) throws IOException {
        ExplorationResult r = report.result();
        String where = report.scenario() != null ? report.scenario() : r.program();
        HtmlPage.open("whylock: " + where, out);
        String cls = r.hasViolation() ? "bad" : r.exhaustive() && report.neverReached().isEmpty() ? "good" : "open";
        out.append("<div class=\"verdict ").append(cls).append("\"><h1>").append(HtmlPage.names(RunTextRenderer.verdict(report)))
                .append("</h1></div>\n");
        out.append("<p class=\"what\">model <b>").append(HtmlPage.esc(report.model() == null ? "(none)" : report.model()))
                .append("</b>, scenario <b>").append(HtmlPage.esc(where)).append("</b>, experiments: <b>")
                .append(HtmlPage.esc(RunTextRenderer.experiments(report)))
                .append("</b>").append(report.timing() == null ? "" : ", timing <b>" + HtmlPage.esc(report.timing()) + "</b>")
                .append("</p>\n");
        out.append("<h2>Coverage</h2>\n<table>\n");
        HtmlPage.row(out, "executions", String.valueOf(r.executions()), Glossary.EXECUTION);
        HtmlPage.row(out, "blocked", String.valueOf(r.blocked()), Glossary.BLOCKED);
        HtmlPage.row(out, "exhaustive", r.exhaustive() ? "yes" : "no", r.exhaustive() ? Glossary.EXHAUSTIVE : Glossary.NOT_EXHAUSTIVE);
        HtmlPage.row(out, "bound", RunTextRenderer.bound(r), RunTextRenderer.boundExplained(r));
        HtmlPage.row(out, "stopped", r.stopReason().key(), Glossary.stopReason(r.stopReason()));
        HtmlPage.row(out, "strategy", r.strategy(), Glossary.strategy(r.strategy()));
        HtmlPage.row(out, "elapsed", r.elapsedMillis() + " ms", "");
        out.append("</table>\n");
        for (int i = 0; i < r.violations().size(); i++) {
            violation(report, i, out);
        }
        analysis(report, out);
        GuardedByHtml.render(report.guardedBy(), "@GuardedBy (Java)", out);
        HtmlPage.close(out);
    }

    private static void violation(RunReport report, int i, Appendable out) throws IOException {
        Violation v = report.violations().get(i);
        out.append("<h2>Violation ").append(String.valueOf(i + 1)).append(" of ").append(String.valueOf(report.violations().size()))
                .append(": ").append(HtmlPage.esc(v.kind().key())).append("</h2>\n");
        out.append("<p><b>").append(HtmlPage.esc(v.kind().key())).append("</b>: ").append(HtmlPage.esc(Glossary.kind(v.kind().key())))
                .append("</p>\n");
        if (v.message().contains("; ")) {
            out.append("<ul class=\"parts mono\">");
            for (String part : v.message().split("; ")) {
                out.append("<li>").append(HtmlPage.esc(part)).append("</li>");
            }
            out.append("</ul>\n");
        } else {
            out.append("<p class=\"mono\">").append(HtmlPage.esc(v.message())).append("</p>\n");
        }
        out.append("<p>Minimal counterexample: ").append(String.valueOf(v.trace().steps().size())).append(" steps, ")
                .append(String.valueOf(v.trace().preemptions())).append(v.trace().preemptions() == 1 ? " preemption" : " preemptions")
                .append(" <span class=\"explain\">(").append(HtmlPage.esc(Glossary.MINIMAL)).append(")</span></p>\n");
        Swimlanes.render(v, out);
        String file = report.replayFile(i);
        if (file != null) {
            out.append("<p>Replay: <code class=\"replay\">whylock replay ").append(HtmlPage.esc(file))
                    .append("</code> <span class=\"explain\">").append(HtmlPage.esc(Glossary.REPLAY)).append("</span></p>\n");
        }
    }

    private static void analysis(RunReport report, Appendable out) throws IOException {
        AnalysisReport a = report.analysis();
        if (a == null) {
            return;
        }
        if (!a.locksets().fields().isEmpty()) {
            out.append("<h2>Locksets</h2>\n<p class=\"explain\">").append(HtmlPage.esc(Glossary.LOCKSET)).append(", over ")
                    .append(String.valueOf(a.locksets().executions())).append(" executions</p>\n");
            AnalysisHtml.locksets(a.locksets().fields(), null, out);
        }
        if (!a.lockOrder().edges().isEmpty()) {
            out.append("<h2>Lock order</h2>\n<p class=\"explain\">").append(HtmlPage.esc(Glossary.LOCK_ORDER)).append("</p>\n");
            AnalysisHtml.edges(a.lockOrder().edges(), out);
        }
        for (LockCycle c : a.lockOrder().cycles()) {
            AnalysisHtml.cycle(c, out);
        }
        boolean counted = report.violations().stream().anyMatch(v -> v.kind() == dev.whylock.engine.ViolationKind.DATA_RACE);
        if (!a.races().races().isEmpty() && !counted) {
            out.append("<h2>Data races, not counted in the verdict (--ignore data-race)</h2>\n");
            for (DataRace r : a.races().races()) {
                AnalysisHtml.race(r, out);
            }
        }
        if (!a.assertions().sites().isEmpty()) {
            out.append("<h2>Lock assertions</h2>\n");
            AnalysisHtml.assertions(a.assertions().sites(), out);
        }
    }
}
