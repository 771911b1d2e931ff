package dev.whylock.report;

import static dev.whylock.report.HtmlPage.esc;

import dev.whylock.engine.analysis.AssertionSite;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.EdgeWitness;
import dev.whylock.engine.analysis.FieldLockset;
import dev.whylock.engine.analysis.LockCycle;
import dev.whylock.engine.analysis.LockOrderEdge;
import dev.whylock.engine.analysis.RaceAccess;
import dev.whylock.engine.analysis.ScenarioLine;
import java.io.IOException;
import java.util.List;

/** HTML for the analyses: lockset and lock-order tables, lockdep CPU columns, KCSAN-style races. */
final class AnalysisHtml {

    private AnalysisHtml() {}

    static void locksets(List<FieldLockset> rows, String highlight, Appendable out) throws IOException {
        out.append("<table>\n<tr><th>field</th><th>state</th><th>locks held at every shared access</th><th>accesses</th>"
                + "<th>shared-phase accesses (function, locks held, count)</th></tr>\n");
        for (FieldLockset f : rows) {
            out.append("<tr><td class=\"mono\">").append(esc(f.field())).append("</td><td>").append(esc(f.state().key()))
                    .append("</td><td class=\"mono\">");
            if (f.locks().isEmpty()) {
                out.append("(none)");
            }
            for (int i = 0; i < f.locks().size(); i++) {
                String l = f.locks().get(i);
                out.append(i > 0 ? ", " : "").append(l.equals(highlight) ? "<b>" + esc(l) + "</b>" : esc(l));
            }
            out.append("</td><td class=\"num\">").append(String.valueOf(f.sharedAccesses())).append("</td><td class=\"mono explain\">");
            for (int i = 0; i < f.sites().size(); i++) {
                var s = f.sites().get(i);
                out.append(i > 0 ? "<br>" : "").append(s.write() ? "write " : "read ").append(esc(s.function())).append(" [")
                        .append(esc(String.join(", ", s.locksHeld()))).append("] &times;").append(String.valueOf(s.count()));
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    static void edges(List<LockOrderEdge> edges, Appendable out) throws IOException {
        out.append("<table>\n<tr><th>held</th><th>then taken</th><th>where</th></tr>\n");
        for (LockOrderEdge e : edges) {
            out.append("<tr><td class=\"mono\">").append(esc(e.held())).append("</td><td class=\"mono\">").append(esc(e.acquired()))
                    .append("</td><td class=\"mono\">");
            for (int i = 0; i < e.witnesses().size(); i++) {
                EdgeWitness w = e.witnesses().get(i);
                out.append(i > 0 ? "<br>" : "").append(esc(w.viaFlush()
                        ? w.flushedAt() + " flushes " + w.flushedWork() + " (takes it in " + w.acquiredAt() + ")"
                        : w.acquiredAt() + (w.heldAt() == null ? "" : " (held since " + w.heldAt() + ")")));
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    static void cycle(LockCycle c, Appendable out) throws IOException {
        out.append("<p><b class=\"mono\">").append(esc(AnalysisText.headline(c))).append("</b>");
        if (!c.deadlockPossible()) {
            out.append(" <span class=\"explain\">every path holds ").append(esc(String.join(", ", c.gateLocks())))
                    .append(" first, which serialises them</span>");
        }
        out.append("</p>\n");
        int cpus = c.scenario().stream().mapToInt(ScenarioLine::cpu).max().orElse(1) + 1;
        out.append("<table class=\"mono\">\n<tr>");
        for (int i = 0; i < cpus; i++) {
            out.append("<th>CPU").append(String.valueOf(i)).append("</th>");
        }
        out.append("</tr>\n");
        for (ScenarioLine l : c.scenario()) {
            out.append("<tr>");
            for (int i = 0; i < cpus; i++) {
                out.append("<td>");
                if (i == l.cpu()) {
                    out.append(esc(l.action()));
                    if (l.site() != null) {
                        out.append(" <span class=\"explain\">in ").append(esc(l.site())).append("</span>");
                    }
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n<p><b>").append(c.deadlockPossible() ? "*** DEADLOCK ***" : "no deadlock: gate lock held").append("</b></p>\n");
    }

    static void race(DataRace r, Appendable out) throws IOException {
        out.append("<p><b>data-race in <span class=\"mono\">").append(esc(r.first().site())).append(" / ").append(esc(r.second().site()))
                .append("</span></b> on <span class=\"mono\">").append(esc(r.field())).append("</span></p>\n<ul class=\"parts mono\">");
        side(r.field(), r.first(), out);
        side(r.field(), r.second(), out);
        out.append("</ul>\n");
    }

    /** A race with its execution as swimlanes, the second access marked and the first as the other side. */
    static void raceLanes(DataRace r, Appendable out) throws IOException {
        race(r, out);
        int last = r.trace().steps().size() - 1;
        int second = r.second().step() >= 0 && r.second().step() <= last ? r.second().step() : last;
        Swimlanes.render(r.trace(), second, r.first().step() < second ? r.first().step() : -1, "race", r.second().task(), List.of(), out);
    }

    private static void side(String field, RaceAccess a, Appendable out) throws IOException {
        out.append("<li>").append(a.write() ? "write to " : "read from ").append(esc(field)).append(" by task ").append(esc(a.task()))
                .append(" in ").append(esc(a.site())).append(" at step ").append(String.valueOf(a.step() + 1))
                .append(a.value() == null ? "" : (a.write() ? ": = " : ": got ") + esc(a.value()))
                .append(", holding ").append(esc(a.locksHeld().isEmpty() ? "no lock" : String.join(", ", a.locksHeld()))).append("</li>");
    }

    static void assertions(List<AssertionSite> sites, Appendable out) throws IOException {
        out.append("<table>\n<tr><th>check</th><th>in</th><th>ran</th><th>failed</th></tr>\n");
        for (AssertionSite s : sites) {
            out.append("<tr><td class=\"mono\">").append(esc(s.form() + "(" + s.lockClass() + ")")).append("</td><td class=\"mono\">")
                    .append(esc(s.site())).append("</td><td class=\"num\">").append(String.valueOf(s.checks()))
                    .append("</td><td class=\"num\">").append(String.valueOf(s.failures())).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }
}
