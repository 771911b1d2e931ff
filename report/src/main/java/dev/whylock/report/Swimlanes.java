package dev.whylock.report;

import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.Trace;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.result.Wait;
import java.io.IOException;
import java.util.List;

/**
 * A counterexample as HTML swimlanes: one lane (column) per task, one box per step, in execution
 * order. Only the window before the failure is drawn; the steps before it are folded as one line
 * each, so a page with many long counterexamples stays small.
 */
final class Swimlanes {

    /** Steps drawn as lanes, ending at the failing step. */
    static final int WINDOW = 30;
    /** The window grows back to the last preemption before the failure, up to this many steps. */
    static final int MAX_WINDOW = 100;

    private Swimlanes() {}

    static void render(Violation v, Appendable out) throws IOException {
        render(v.trace(), Cells.failingStep(v), -1, v.kind().key(), v.task(), v.waits(), out);
    }

    /**
     * Renders {@code trace}, marking step {@code failing} (0-based, -1 for none) as where {@code what}
     * was detected and step {@code other} (-1 for none) as the other side of a conflict; {@code waits}
     * adds a final "blocked" box per waiting task.
     */
    static void render(Trace trace, int failing, int other, String what, String task, List<Wait> waits, Appendable out)
            throws IOException {
        List<Step> steps = trace.steps();
        if (steps.isEmpty()) {
            out.append("<p>No steps: it happened before any visible operation.</p>\n");
            return;
        }
        int end = failing >= 0 ? failing + 1 : steps.size();
        int start = Math.max(0, end - WINDOW);
        for (int i = end - 1; i >= 0 && i >= end - MAX_WINDOW; i--) {
            if (steps.get(i).preemption()) {
                // The switch that let the failure happen belongs in the window, with a few steps before it.
                start = Math.max(0, Math.min(start, i - 3));
                break;
            }
        }
        if (other >= 0 && other < start) {
            start = Math.max(0, other - 2);
        }
        List<String> tasks = Cells.columns(trace, start);
        if (start > 0) {
            out.append("<details><summary>").append(String.valueOf(start)).append(" earlier steps")
                    .append(steps.subList(0, start).stream().anyMatch(Step::preemption) ? " (with preemptions)" : " (no preemption)")
                    .append("</summary>\n<pre class=\"folded\">");
            // One line per run of one task's steps (its first and last step), so long setups stay small.
            for (int i = 0; i < start; ) {
                int j = i;
                while (j + 1 < start && steps.get(j + 1).task().equals(steps.get(i).task()) && !steps.get(j + 1).preemption()) {
                    j++;
                }
                Step s = steps.get(i);
                out.append(s.preemption() ? "*" : " ").append(String.format("%4d ", i + 1))
                        .append(s.time() == null ? "" : HtmlPage.esc(Cells.time(s)) + " ").append(HtmlPage.esc(s.task())).append(": ")
                        .append(HtmlPage.esc(Cells.tick(s) ? Cells.tickText(s) : Cells.cell(s)));
                if (j > i) {
                    out.append(j > i + 1 ? "\n        ... " + (j - i - 1) + " more steps of " + HtmlPage.esc(s.task()) + " ...\n" : "\n")
                            .append(String.format(" %4d ", j + 1))
                            .append(steps.get(j).time() == null ? "" : HtmlPage.esc(Cells.time(steps.get(j))) + " ")
                            .append(HtmlPage.esc(s.task())).append(": ").append(HtmlPage.esc(Cells.cell(steps.get(j))));
                }
                out.append('\n');
                i = j + 1;
            }
            out.append("</pre>\n</details>\n");
        }
        boolean timed = Cells.timed(trace);
        out.append("<div class=\"lanes\" style=\"grid-template-columns:").append(timed ? "6.4em" : "3.6em").append(" repeat(").append(String.valueOf(tasks.size()))
                .append(",minmax(0,1fr))\">\n<div class=\"lane-head\">step</div>");
        for (String t : tasks) {
            out.append("<div class=\"lane-head\">").append(HtmlPage.names(t)).append("</div>");
        }
        out.append('\n');
        for (int i = start; i < end; i++) {
            step(steps.get(i), i, i - start + 2, tasks.indexOf(steps.get(i).task()) + 2, i == failing, i == other, what, out);
        }
        int row = end - start + 2;
        for (Wait wait : waits) {
            int col = tasks.indexOf(wait.task());
            if (col >= 0) {
                out.append("<div class=\"step blocked\" style=\"grid-row:").append(String.valueOf(row)).append(";grid-column:")
                        .append(String.valueOf(col + 2)).append("\"><span class=\"mono\">blocked: ").append(HtmlPage.names(wait.what()))
                        .append("</span></div>\n");
            }
        }
        out.append("</div>\n");
        if (end < steps.size()) {
            out.append("<p class=\"explain\">").append(String.valueOf(steps.size() - end)).append(" later steps not shown.</p>\n");
        }
        if (timed) {
            out.append("<p class=\"legend\"><b>t=</b>: virtual time when the step ran. <b>time passes</b>: no task could run at "
                    + "the current time, so time moved to the next deadline of a timer or a sleep.</p>\n");
        }
        out.append("<p class=\"legend\"><b>preempted</b>: ").append(HtmlPage.esc(Glossary.PREEMPTION))
                .append(". <b>").append(HtmlPage.esc(what)).append(" here</b>: detected right after this step")
                .append(task == null ? "" : " (in task " + HtmlPage.esc(task) + ")")
                .append(". Click a step to highlight every step on the same object.</p>\n");
    }

    private static void step(Step s, int i, int row, int col, boolean fail, boolean peer, String what, Appendable out) throws IOException {
        out.append("<div class=\"gutter\" style=\"grid-row:").append(String.valueOf(row)).append(";grid-column:1\">")
                .append(String.valueOf(i + 1)).append(s.time() == null ? "" : " <span class=\"time\">" + HtmlPage.esc(Cells.time(s)) + "</span>")
                .append("</div>");
        if (Cells.tick(s)) {
            // The clock belongs to no task: a band across every lane.
            out.append("<div class=\"step tick\" style=\"grid-row:").append(String.valueOf(row)).append(";grid-column:2/-1\">")
                    .append("<span class=\"mono\">").append(HtmlPage.esc(Cells.tickText(s))).append("</span></div>\n");
            return;
        }
        out.append("<div class=\"step ").append(kindClass(s.operation()));
        if (s.preemption()) {
            out.append(" preempt");
        }
        out.append(fail ? " fail" : peer ? " peer" : "");
        out.append("\" style=\"grid-row:").append(String.valueOf(row)).append(";grid-column:").append(String.valueOf(col))
                .append("\" data-object=\"").append(HtmlPage.esc(s.object())).append("\"><span class=\"mono\">")
                .append(HtmlPage.names(Cells.cell(s))).append("</span>");
        if (s.preemption()) {
            out.append("<span class=\"badge\">preempted</span>");
        }
        if (fail) {
            out.append("<span class=\"badge fail\">").append(HtmlPage.esc(what)).append(" here</span>");
        } else if (peer) {
            out.append("<span class=\"badge peer\">other side</span>");
        }
        out.append("</div>\n");
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
