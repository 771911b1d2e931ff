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

    /** {@code site: op object = value (note) [holding L]}, leaving out the parts a step does not have. */
    static String cell(Step s) {
        StringBuilder b = new StringBuilder();
        if (s.site() != null) {
            b.append(s.site()).append(": ");
        }
        b.append(s.operation());
        if (s.object() != null) {
            b.append(' ').append(unqualified(s.object()));
        }
        if (s.value() != null) {
            b.append(" = ").append(s.value());
        }
        if (s.note() != null && !s.note().isEmpty()) {
            b.append(" (").append(s.note()).append(')');
        }
        // An unlock's own lock is plainly held; other locks held across it show on the task's other steps.
        if (s.held() != null && !s.operation().endsWith("unlock")) {
            b.append(" [holding ").append(unqualified(String.join(", ", s.held()))).append(']');
        }
        return b.toString();
    }

    /** A Java package in front of a class name ({@code dev.whylock.examples.} in {@code dev.whylock.examples.Transfers.Account.this}). */
    private static final java.util.regex.Pattern PACKAGE = java.util.regex.Pattern.compile("(?<![\\w.$])(?:[a-z][a-z0-9_]*\\.)+(?=[A-Z])");

    /**
     * {@code text} with the packages left out of Java names, as traces show fields and sites
     * ({@code Transfers.Account.this}); the results keep the qualified lock names. Kernel names
     * have no package and are left as they are.
     */
    static String unqualified(String text) {
        return text == null ? null : PACKAGE.matcher(text).replaceAll("");
    }

    /** Traces up to this many steps are shown whole in text. */
    static final int SHOW_WHOLE = 60;
    /** Steps shown before the first preemption of a longer trace. */
    static final int CONTEXT = 24;

    /**
     * Where the text form of a long trace starts: {@link #CONTEXT} steps before the first
     * preemption, because everything earlier ran in the default, non-preemptive order (mostly the
     * scenario's single-threaded setup); without a preemption, the last steps. 0 for short traces.
     */
    static int windowStart(Trace t) {
        int n = t.steps().size();
        if (n <= SHOW_WHOLE) {
            return 0;
        }
        for (Step s : t.steps()) {
            if (s.preemption()) {
                return Math.max(0, s.index() - CONTEXT);
            }
        }
        return n - SHOW_WHOLE;
    }

    /** The tasks that have at least one step, in the trace's task order. */
    static List<String> columns(Trace t) {
        return columns(t, 0);
    }

    /** The operation of the timed mode's clock: time moves on to the value (no task's own step). */
    static final String TICK = "time passes";

    /** Whether {@code s} is the clock moving virtual time on (timed mode), drawn across the task columns. */
    static boolean tick(Step s) {
        return TICK.equals(s.operation());
    }

    /** {@code t=301ms}: when the step ran in virtual time (timed mode), else null. */
    static String time(Step s) {
        return s.time() == null ? null : "t=" + s.time() + "ms";
    }

    /** Whether the steps carry virtual time (the timed mode). */
    static boolean timed(Trace t) {
        return t.steps().stream().anyMatch(s -> s.time() != null);
    }

    /** What a clock step says: {@code time passes: t=300ms}, the time it moved to. */
    static String tickText(Step s) {
        return TICK + ": t=" + s.value() + "ms";
    }

    /**
     * The tasks that have at least one step from position {@code from} on, in the trace's task order
     * (the clock's steps are drawn across the columns, so it has none).
     */
    static List<String> columns(Trace t, int from) {
        Set<String> used = new LinkedHashSet<>();
        t.steps().subList(from, t.steps().size()).stream().filter(s -> !tick(s)).forEach(s -> used.add(s.task()));
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
