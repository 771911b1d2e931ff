package dev.whylock.cli;

import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.Trace;
import java.io.PrintWriter;
import java.util.List;

/** Prints a counterexample step by step in kernel terms: task, operation, object, function, value. */
final class TraceText {
    private TraceText() {}

    /** The steps as aligned columns; {@code *} marks a preemption (a switch away from a runnable task). */
    static void print(PrintWriter out, Trace trace, String indent) {
        print(out, trace.steps(), indent);
    }

    static void print(PrintWriter out, List<Step> steps, String indent) {
        int task = 4;
        int op = 9;
        int obj = 6;
        int site = 4;
        for (Step s : steps) {
            task = Math.max(task, len(s.task()));
            op = Math.max(op, len(s.op()));
            obj = Math.max(obj, len(s.object()));
            site = Math.max(site, len(s.site()));
        }
        String fmt = indent + "%1s%4s  %-" + task + "s  %-" + op + "s  %-" + obj + "s  %-" + site + "s  %s%n";
        out.printf(fmt, "", "step", "task", "operation", "object", "site", "value / note");
        for (Step s : steps) {
            String extra = (s.value() == null ? "" : "= " + s.value()) + (s.note() == null ? "" : (s.value() == null ? "" : "  ") + "(" + s.note() + ")");
            out.printf(fmt, s.preemption() ? "*" : "", s.index() + 1, dash(s.task()), dash(s.op()), dash(s.object()),
                    dash(s.site()), extra).flush();
        }
    }

    private static int len(String s) {
        return s == null ? 1 : s.length();
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
