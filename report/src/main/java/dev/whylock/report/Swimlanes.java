package dev.whylock.report;

import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.Trace;
import dev.whylock.engine.result.Violation;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A counterexample as HTML swimlanes: one lane (column) per task, one box per step, in execution order. */
final class Swimlanes {

    private Swimlanes() {}

    static void render(Violation v, Appendable out) throws IOException {
        render(v.trace(), Cells.failingStep(v), -1, v.kind().key(), v.task(), Cells.waits(v), out);
    }

    /**
     * Renders {@code trace}, marking step {@code failing} (0-based, -1 for none) as where {@code what}
     * was detected and step {@code other} (-1 for none) as the other side of a conflict; {@code waits}
     * adds a final "blocked" box per waiting task.
     */
    static void render(Trace trace, int failing, int other, String what, String task, Map<String, String> waits, Appendable out)
            throws IOException {
        List<String> tasks = Cells.columns(trace);
        if (tasks.isEmpty()) {
            out.append("<p>No steps: it happened before any visible operation.</p>\n");
            return;
        }
        List<Step> steps = trace.steps();
        int start = Cells.windowStart(trace);
        if (start > 0) {
            out.append("<details><summary>").append(String.valueOf(start)).append(" earlier steps (")
                    .append(steps.stream().anyMatch(Step::preemption) ? "before the first preemption, in the default order"
                            : "the trace has no preemption")
                    .append(")</summary>\n");
            grid(trace, 0, start, tasks, failing, other, what, out);
            out.append("</div>\n</details>\n");
        }
        grid(trace, start, steps.size(), tasks, failing, other, what, out);
        int row = steps.size() - start + 2;
        for (Map.Entry<String, String> wait : waits.entrySet()) {
            int col = tasks.indexOf(wait.getKey());
            if (col >= 0) {
                out.append("<div class=\"step blocked\" style=\"grid-row:").append(String.valueOf(row)).append(";grid-column:")
                        .append(String.valueOf(col + 2)).append("\"><span class=\"mono\">blocked: ").append(HtmlPage.esc(wait.getValue()))
                        .append("</span></div>\n");
            }
        }
        out.append("</div>\n<p class=\"legend\"><b>preempted</b>: ").append(HtmlPage.esc(Glossary.PREEMPTION))
                .append(". <b>").append(HtmlPage.esc(what)).append(" here</b>: detected right after this step")
                .append(task == null ? "" : " (in task " + HtmlPage.esc(task) + ")")
                .append(". Click a step to highlight every step on the same object.</p>\n");
    }

    /** Opens a lanes grid with a header row and fills it with steps {@code [from, to)}; the caller closes the div. */
    private static void grid(Trace trace, int from, int to, List<String> tasks, int failing, int other, String what, Appendable out)
            throws IOException {
        out.append("<div class=\"lanes\" style=\"grid-template-columns:3em repeat(").append(String.valueOf(tasks.size()))
                .append(",minmax(180px,1fr))\">\n<div class=\"lane-head\">step</div>");
        for (String t : tasks) {
            out.append("<div class=\"lane-head\">").append(HtmlPage.esc(t)).append("</div>");
        }
        out.append('\n');
        List<Step> steps = trace.steps();
        for (int i = from; i < to; i++) {
            Step s = steps.get(i);
            int row = i - from + 2;
            int col = tasks.indexOf(s.task()) + 2;
            out.append("<div class=\"gutter\" style=\"grid-row:").append(String.valueOf(row)).append(";grid-column:1\">")
                    .append(String.valueOf(i + 1)).append("</div>");
            out.append("<div class=\"step ").append(kindClass(s.op()));
            if (s.preemption()) {
                out.append(" preempt");
            }
            if (i == failing) {
                out.append(" fail");
            } else if (i == other) {
                out.append(" peer");
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
            } else if (i == other) {
                out.append("<span class=\"badge peer\">other side</span>");
            }
            out.append("</div>\n");
        }
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
