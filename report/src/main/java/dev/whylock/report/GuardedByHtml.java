package dev.whylock.report;

import static dev.whylock.report.HtmlPage.esc;

import java.io.IOException;
import java.util.List;

/** The {@code @GuardedBy} section of an HTML report: a table of the annotations checked, each breach with its lanes, the suggestions. */
final class GuardedByHtml {

    private GuardedByHtml() {}

    /** Appends the section under {@code heading} when the check ran ({@code g} not null). */
    static void render(GuardedByCheck g, String heading, Appendable out) throws IOException {
        if (g == null) {
            return;
        }
        out.append("<h2>").append(esc(heading)).append("</h2>\n<p class=\"explain\">").append(esc(GuardedByText.coverage(g)))
                .append("; an access outside the field's constructors and static initialiser without the lock the annotation "
                        + "names breaks it</p>\n");
        if (g.guards().isEmpty()) {
            out.append("<p>No field the program touches carries @GuardedBy.</p>\n");
        } else {
            out.append("<table>\n<tr><th>field</th><th>annotation</th><th>lock</th><th>verdict</th></tr>\n");
            for (GuardedByCheck.Guard guard : g.guards()) {
                String cls = !guard.checkable() ? "verdict-open" : guard.breaches().isEmpty() ? "verdict-not-needed" : "verdict-necessary";
                out.append("<tr><td class=\"mono\">").append(esc(guard.field())).append("</td><td class=\"mono\">@GuardedBy(&quot;")
                        .append(esc(guard.expression())).append("&quot;)</td><td class=\"mono\">")
                        .append(esc(guard.checkable() ? guard.lock() : "")).append("</td><td><span class=\"").append(cls).append("\">")
                        .append(esc(guard.checkable() ? GuardedByText.verdict(guard) : "NOT CHECKED")).append("</span>")
                        .append(guard.checkable() ? "" : " <span class=\"explain\">" + esc(guard.unchecked()) + "</span>")
                        .append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        for (GuardedByCheck.Guard guard : g.guards()) {
            for (GuardedByCheck.Breach b : guard.breaches()) {
                out.append("<h3><span class=\"mono\">").append(esc(guard.field())).append("</span> ")
                        .append(esc(GuardedByText.breach(guard, b))).append("</h3>\n");
                Swimlanes.render(b.counterexample(), out);
            }
        }
        List<GuardedByCheck.Suggestion> rest = g.toReport();
        if (!rest.isEmpty()) {
            out.append("<h3>Suggested from the locksets</h3>\n<p class=\"explain\">The lock held at every shared access of a field "
                    + "written while shared.</p>\n<table>\n<tr><th>field</th><th>suggestion</th><th>locks held at every shared access</th></tr>\n");
            for (GuardedByCheck.Suggestion s : rest) {
                out.append("<tr><td class=\"mono\">").append(esc(s.field())).append("</td><td class=\"mono\">")
                        .append(esc(GuardedByText.suggestion(s))).append("</td><td class=\"mono\">")
                        .append(esc(String.join(", ", s.locks()))).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        if (g.guards().isEmpty() && rest.isEmpty()) {
            out.append("<p>No field is written while shared with the same lock held at every access.</p>\n");
        }
    }
}
