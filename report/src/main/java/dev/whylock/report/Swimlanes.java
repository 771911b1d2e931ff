package dev.whylock.report;

import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.Trace;
import dev.whylock.engine.result.Violation;
import java.io.IOException;
import java.util.List;

/** A counterexample as HTML swimlanes: one lane (column) per task, one box per step, in execution order. */
final class Swimlanes {

    private Swimlanes() {}

    static void render(Violation v, Appendable out) throws IOException {
        render(v.trace(), Cells.failingStep(v), v.kind().key(), v.task(), out);
    }

    /** Renders {@code trace}, marking step {@code failing} (0-based, -1 for none) as where {@code what} was detected. */
    static void render(Trace trace, int failing, String what, String task, Appendable out) throws IOException {
        List<String> tasks = Cells.columns(trace);
        if (tasks.isEmpty()) {
            out.append("<p>No steps: it happened before any visible operation.</p>\n");
            return;
        }
        out.append("<div class=\"lanes\" style=\"grid-template-columns:3em repeat(").append(String.valueOf(tasks.size()))
                .append(",minmax(180px,1fr))\">\n<div class=\"lane-head\">step</div>");
        for (String t : tasks) {
            out.append("<div class=\"lane-head\">").append(HtmlPage.esc(t)).append("</div>");
        }
        out.append('\n');
        List<Step> steps = trace.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            int row = i + 2;
            int col = tasks.indexOf(s.task()) + 2;
            out.append("<div class=\"gutter\" style=\"grid-row:").append(String.valueOf(row)).append(";grid-column:1\">")
                    .append(String.valueOf(i + 1)).append("</div>");
            out.append("<div class=\"step ").append(kindClass(s.op()));
            if (s.preemption()) {
                out.append(" preempt");
            }
            if (i == failing) {
                out.append(" fail");
            }
            out.append("\" style=\"grid-row:").append(String.valueOf(row)).append(";grid-column:").append(String.valueOf(col))
                    .append("\" data-object=\"").append(HtmlPage.esc(s.object())).append("\" title=\"")
                    .append(HtmlPage.esc("step " + (i + 1) + ", task " + s.task())).append("\"><span class=\"mono\">")
                    .append(HtmlPage.esc(Cells.cell(s))).append("</span>");
            if (s.preemption()) {
                out.append("<span class=\"badge\">preempted</span>");
            }
            if (i == failing) {
                out.append("<span class=\"badge fail\">").append(HtmlPage.esc(what)).append(" here</span>");
            }
            out.append("</div>\n");
        }
        out.append("</div>\n<p class=\"legend\"><b>preempted</b>: ").append(HtmlPage.esc(Glossary.PREEMPTION))
                .append(". <b>").append(HtmlPage.esc(what)).append(" here</b>: detected right after this step")
                .append(task == null ? "" : " (in task " + HtmlPage.esc(task) + ")")
                .append(". Click a step to highlight every step on the same object.</p>\n");
    }

    private static String kindClass(String op) {
        return switch (op) {
            case "lock", "unlock", "trylock" -> "lock";
            case "read" -> "read";
            case "write" -> "write";
            default -> "other";
        };
    }
}
