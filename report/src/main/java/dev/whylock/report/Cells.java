package dev.whylock.report;

import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.Trace;
import dev.whylock.engine.result.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How a trace step reads in every format ({@code function: op object = value}), and which step failed. */
final class Cells {

    private Cells() {}

    /** {@code site: op object = value (note)}, leaving out the parts a step does not have. */
    static String cell(Step s) {
        StringBuilder b = new StringBuilder();
        if (s.site() != null) {
            b.append(s.site()).append(": ");
        }
        b.append(s.op());
        if (s.object() != null) {
            b.append(' ').append(s.object());
        }
        if (s.value() != null) {
            b.append(" = ").append(s.value());
        }
        if (s.note() != null && !s.note().isEmpty()) {
            b.append(" (").append(s.note()).append(')');
        }
        return b.toString();
    }

    /** The tasks that have at least one step, in the trace's task order. */
    static List<String> columns(Trace t) {
        Set<String> used = new LinkedHashSet<>();
        t.steps().forEach(s -> used.add(s.task()));
        List<String> out = new ArrayList<>();
        for (String task : t.tasks()) {
            if (used.remove(task)) {
                out.add(task);
            }
        }
        out.addAll(used);
        return out;
    }

    /**
     * The position of the step after which the violation was detected: the violating task's last
     * step, or the trace's last step when no single task failed (e.g. a deadlock). -1 for an empty trace.
     */
    static int failingStep(Violation v) {
        List<Step> steps = v.trace().steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).task().equals(v.task())) {
                return i;
            }
        }
        return steps.size() - 1;
    }
}
