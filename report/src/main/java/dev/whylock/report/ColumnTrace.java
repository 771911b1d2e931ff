package dev.whylock.report;

import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.Trace;
import dev.whylock.engine.result.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import dev.whylock.engine.result.Wait;

/**
 * Prints a counterexample as a table with one column per task and one row per step in execution
 * order (Lincheck style), marking preemptions and the step after which the violation was detected:
 * the one text trace printer, used by every report, {@code --trace-out} and {@code replay}.
 */
public final class ColumnTrace {

    /** Cells wider than this wrap onto continuation lines, so four tasks still fit a wide terminal. */
    static final int MAX_CELL = 44;
    /** With more tasks than this, each step is one line naming its task, so the table stays readable. */
    static final int MAX_COLUMNS = 4;

    private ColumnTrace() {}

    /** A violation's counterexample: the steps around the failure (long setups folded), the failing step marked. */
    public static void print(Violation v, String indent, Appendable out) throws IOException {
        print(v.trace(), 0, Cells.failingStep(v), v.kind().key(), v.task(), v.waits(), indent, out);
    }

    /** Every step of a violation's counterexample, nothing folded (for {@code --trace-out}). */
    public static void printWhole(Violation v, String indent, Appendable out) throws IOException {
        print(v.trace(), -1, Cells.failingStep(v), v.kind().key(), v.task(), v.waits(), indent, out);
    }

    /** Every step of {@code trace}, nothing marked (a replay). */
    public static void printWhole(Trace trace, String indent, Appendable out) throws IOException {
        print(trace, -1, -1, null, null, List.of(), indent, out);
    }

    /**
     * Prints {@code trace} from its window start ({@code from} 0) or whole ({@code from} -1),
     * marking step {@code failing} (0-based, -1 for none) as where {@code what} was detected, in
     * task {@code task} when known.
     */
    static void print(Trace trace, int from, int failing, String what, String task, List<Wait> waits, String indent, Appendable out)
            throws IOException {
        int start = from < 0 ? 0 : Cells.windowStart(trace);
        List<String> tasks = Cells.columns(trace, start);
        if (tasks.isEmpty()) {
            out.append(indent).append("(no steps: it happened before any visible operation)\n");
            return;
        }
        if (start > 0) {
            List<String> earlier = trace.steps().subList(0, start).stream().map(Step::task).distinct().toList();
            out.append(indent).append("  (steps 1-").append(String.valueOf(start)).append(" not shown: ")
                    .append(trace.steps().stream().anyMatch(Step::preemption)
                            ? "they run before the first preemption, in the default order"
                            : "the trace is long and has no preemption; these are its last steps")
                    .append(", by ").append(String.join(", ", earlier)).append("; the JSON result and the replay file have every step)\n");
        }
        boolean timed = Cells.timed(trace);
        if (tasks.size() > MAX_COLUMNS) {
            rows(trace, start, failing, what, task, waits, timed, indent, out);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        int[] width = new int[tasks.size()];
        for (int c = 0; c < tasks.size(); c++) {
            width[c] = tasks.get(c).length();
        }
        int timeWidth = timeWidth(trace, start, timed);
        for (Step s : trace.steps().subList(start, trace.steps().size())) {
            if (Cells.tick(s)) {
                rows.add(List.of("-- " + Cells.tickText(s) + " --"));
                continue;
            }
            List<String> wrapped = wrap(Cells.cell(s), MAX_CELL);
            int c = tasks.indexOf(s.task());
            for (String line : wrapped) {
                width[c] = Math.max(width[c], line.length());
            }
            rows.add(wrapped);
        }
        List<List<String>> blocked = new ArrayList<>();
        List<Integer> blockedColumn = new ArrayList<>();
        for (Wait wait : waits) {
            int c = tasks.indexOf(wait.task());
            if (c >= 0) {
                List<String> wrapped = wrap("blocked: " + Cells.unqualified(wait.what()), MAX_CELL);
                wrapped.forEach(l -> width[c] = Math.max(width[c], l.length()));
                blocked.add(wrapped);
                blockedColumn.add(c);
            }
        }
        String timeHead = timed ? " " + pad("time", timeWidth) + " |" : "";
        String timeBlank = timed ? " " + " ".repeat(timeWidth) + " |" : "";
        String head = indent + "  step |" + timeHead;
        StringBuilder rule = new StringBuilder(indent).append("  -----+").append(timed ? "-".repeat(timeWidth + 2) + "+" : "");
        StringBuilder header = new StringBuilder(head);
        for (int c = 0; c < tasks.size(); c++) {
            header.append(' ').append(pad(tasks.get(c), width[c])).append(c + 1 < tasks.size() ? " |" : "");
            rule.append("-".repeat(width[c] + 2)).append(c + 1 < tasks.size() ? "+" : "");
        }
        line(out, header.toString());
        line(out, rule.toString());
        for (int i = start; i < trace.steps().size(); i++) {
            Step s = trace.steps().get(i);
            int c = Cells.tick(s) ? -1 : tasks.indexOf(s.task());
            List<String> wrapped = rows.get(i - start);
            for (int k = 0; k < wrapped.size(); k++) {
                StringBuilder b = new StringBuilder(indent);
                if (k == 0) {
                    b.append(s.preemption() ? '*' : ' ').append(i == failing ? '>' : ' ').append(String.format("%4d |", i + 1))
                            .append(timed ? " " + pad(Cells.time(s), timeWidth) + " |" : "");
                } else {
                    b.append("       |").append(timeBlank);
                }
                if (c < 0) {
                    b.append(' ').append(wrapped.get(k)); // the clock: across the task columns
                } else {
                    for (int col = 0; col < tasks.size(); col++) {
                        String text = col == c ? wrapped.get(k) : "";
                        b.append(' ').append(pad(text, width[col])).append(col + 1 < tasks.size() ? " |" : "");
                    }
                }
                if (i == failing && k == wrapped.size() - 1) {
                    b.append("  <== ").append(what);
                }
                line(out, b.toString());
            }
        }
        for (int w = 0; w < blocked.size(); w++) {
            List<String> wrapped = blocked.get(w);
            int c = blockedColumn.get(w);
            for (int k = 0; k < wrapped.size(); k++) {
                StringBuilder b = new StringBuilder(indent).append(k == 0 ? "    -- |" : "       |").append(timeBlank);
                for (int col = 0; col < tasks.size(); col++) {
                    b.append(' ').append(pad(col == c ? wrapped.get(k) : "", width[col])).append(col + 1 < tasks.size() ? " |" : "");
                }
                line(out, b.toString());
            }
        }
        legend(trace, failing, what, task, !blocked.isEmpty(), timed, indent, out);
    }

    /** The width of the time column: its header or the longest {@code t=Nms} shown. */
    private static int timeWidth(Trace trace, int start, boolean timed) {
        int w = timed ? "time".length() : 0;
        for (Step s : trace.steps().subList(start, trace.steps().size())) {
            if (s.time() != null) {
                w = Math.max(w, Cells.time(s).length());
            }
        }
        return w;
    }

    /** The layout for many tasks: one line per step, {@code step | task | function: op object = value}. */
    private static void rows(Trace trace, int start, int failing, String what, String task, List<Wait> waits, boolean timed,
            String indent, Appendable out) throws IOException {
        int w = 4;
        for (Step s : trace.steps().subList(start, trace.steps().size())) {
            w = Math.max(w, s.task().length());
        }
        int tw = timeWidth(trace, start, timed);
        String timeHead = timed ? pad("time", tw) + " | " : "";
        line(out, indent + "  step | " + timeHead + pad("task", w) + " | what");
        line(out, indent + "  -----+-" + (timed ? "-".repeat(tw) + "-+-" : "") + "-".repeat(w) + "-+-----");
        for (int i = start; i < trace.steps().size(); i++) {
            Step s = trace.steps().get(i);
            line(out, indent + (s.preemption() ? '*' : ' ') + (i == failing ? '>' : ' ') + String.format("%4d | ", i + 1)
                    + (timed ? pad(Cells.time(s), tw) + " | " : "") + pad(s.task(), w) + " | "
                    + (Cells.tick(s) ? Cells.tickText(s) : Cells.cell(s)) + (i == failing ? "  <== " + what : ""));
        }
        for (Wait wait : waits) {
            line(out, indent + "    -- | " + (timed ? " ".repeat(tw) + " | " : "") + pad(wait.task(), w) + " | blocked: " + Cells.unqualified(wait.what()));
        }
        legend(trace, failing, what, task, !waits.isEmpty(), timed, indent, out);
    }

    private static void legend(Trace trace, int failing, String what, String task, boolean blocked, boolean timed, String indent,
            Appendable out) throws IOException {
        if (timed) {
            out.append(indent).append("  time: virtual time when the step ran; time passes only when no task can run at the current\n")
                    .append(indent).append("  time, and then moves to the next deadline of a timer or a sleep\n");
        }
        if (trace.steps().stream().anyMatch(Step::preemption)) {
            out.append(indent).append("  * preemption: the scheduler switched away from a task that could have continued\n");
        }
        if (blocked) {
            out.append(indent).append("  -- where each blocked task waits at the end\n");
        }
        if (failing >= 0) {
            out.append(indent).append("  > the ").append(what).append(" was detected right after this step")
                    .append(task == null ? "" : " (in task " + task + ")").append('\n');
        }
    }

    /** Splits at spaces where possible so that no line is longer than {@code max}. */
    static List<String> wrap(String text, int max) {
        if (text.length() <= max) {
            return Collections.singletonList(text);
        }
        List<String> out = new ArrayList<>();
        String rest = text;
        boolean first = true;
        while (!rest.isEmpty()) {
            int room = first ? max : max - 2;
            if (rest.length() <= room) {
                out.add(first ? rest : "  " + rest);
                break;
            }
            int cut = rest.lastIndexOf(' ', room);
            // Keep "= value" together: values like "&struct dev#1" read badly when split.
            int eq = rest.lastIndexOf(" = ", room);
            if (eq > room / 3 && cut > eq) {
                cut = eq;
            }
            if (cut <= room / 3) {
                cut = room;
            }
            out.add((first ? "" : "  ") + rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
            first = false;
        }
        return out;
    }

    private static String pad(String s, int w) {
        s = s == null ? "" : s;
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static void line(Appendable out, String s) throws IOException {
        out.append(s.stripTrailing()).append('\n');
    }
}
