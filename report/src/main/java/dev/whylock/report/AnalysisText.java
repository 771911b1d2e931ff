package dev.whylock.report;

import dev.whylock.engine.analysis.AccessSite;
import dev.whylock.engine.analysis.AssertionSite;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.EdgeWitness;
import dev.whylock.engine.analysis.FieldLockset;
import dev.whylock.engine.analysis.LockCycle;
import dev.whylock.engine.analysis.LockOrderEdge;
import dev.whylock.engine.analysis.RaceAccess;
import dev.whylock.engine.analysis.ScenarioLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Text for the analyses, in the kernel tools' own shapes: lockset tables, lockdep scenarios, KCSAN races. */
final class AnalysisText {

    private AnalysisText() {}

    /** One row per field: field, Eraser state, locks held at every shared access, shared accesses. */
    static void locksets(List<FieldLockset> rows, String indent, Appendable out) throws IOException {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"field", "state", "locks held at every shared access", "accesses"});
        for (FieldLockset f : rows) {
            cells.add(new String[] {f.field(), f.state().key(), f.locks().isEmpty() ? "(none)" : String.join(", ", f.locks()),
                String.valueOf(f.sharedAccesses())});
        }
        table(cells, indent, out);
    }

    /** The shared-phase accesses of a field in two lines: the functions that write it, and those that read it. */
    static void sites(FieldLockset f, String indent, Appendable out) throws IOException {
        List<String> writers = f.sites().stream().filter(AccessSite::write).map(AccessSite::function).distinct().toList();
        List<String> readers = f.sites().stream().filter(s -> !s.write()).map(AccessSite::function).distinct().toList();
        if (!writers.isEmpty()) {
            out.append(indent).append("written in ").append(String.join(", ", writers)).append('\n');
        }
        if (!readers.isEmpty()) {
            out.append(indent).append("read in    ").append(String.join(", ", readers)).append('\n');
        }
    }

    static void edges(List<LockOrderEdge> edges, String indent, Appendable out) throws IOException {
        for (LockOrderEdge e : edges) {
            out.append(indent).append(e.held()).append(" -> ").append(e.acquired());
            List<String> how = new ArrayList<>();
            for (EdgeWitness w : e.witnesses()) {
                how.add(w.viaFlush() ? w.flushedAt() + " flushes " + w.flushedWork() + " (takes it in " + w.acquiredAt() + ")"
                        : w.acquiredAt() + (w.heldAt() == null ? "" : " (held since " + w.heldAt() + ")"));
            }
            out.append(how.isEmpty() ? "" : "  at " + String.join("; ", how)).append('\n');
        }
    }

    /** lockdep's "Possible unsafe locking scenario" block, one column per CPU, sites as comments. */
    static void cycle(LockCycle c, String indent, Appendable out) throws IOException {
        out.append(indent).append(headline(c)).append('\n');
        if (!c.deadlockPossible()) {
            out.append(indent).append("  every path holds ").append(String.join(", ", c.gateLocks()))
                    .append(" first, which serialises them (a gate lock)\n");
        }
        int cpus = c.scenario().stream().mapToInt(ScenarioLine::cpu).max().orElse(1) + 1;
        int w = 24;
        for (ScenarioLine l : c.scenario()) {
            w = Math.max(w, cell(l).length() + 2);
        }
        out.append('\n').append(indent).append(" Possible unsafe locking scenario:\n\n");
        StringBuilder head = new StringBuilder(indent).append("  ");
        StringBuilder rule = new StringBuilder(indent).append("  ");
        for (int i = 0; i < cpus; i++) {
            head.append(pad("      CPU" + i, w));
            rule.append(pad("      ----", w));
        }
        out.append(head.toString().stripTrailing()).append('\n').append(rule.toString().stripTrailing()).append('\n');
        for (ScenarioLine l : c.scenario()) {
            out.append(indent).append("  ").append(" ".repeat(w * l.cpu())).append(cell(l)).append('\n');
        }
        out.append('\n').append(indent).append(c.deadlockPossible() ? " *** DEADLOCK ***\n" : " (no deadlock: gate lock held)\n");
    }

    /** lockdep's headline: recursive locking for a one-lock cycle, a circular dependency otherwise. */
    static String headline(LockCycle c) {
        String chain = String.join(" -> ", c.locks()) + " -> " + c.locks().get(0);
        if (!c.deadlockPossible()) {
            return "lock-order cycle (cannot deadlock): " + chain;
        }
        return c.locks().size() == 1 ? "WARNING: possible recursive locking detected: " + c.locks().get(0) + " taken while held"
                : "WARNING: possible circular locking dependency: " + chain;
    }

    private static String cell(ScenarioLine l) {
        return l.site() == null ? l.action() : l.action() + " /* " + l.site() + " */";
    }

    /** KCSAN's shape: {@code data-race in f / g}, then both sides with task, value and locks held. */
    static void race(DataRace r, String indent, Appendable out) throws IOException {
        race(r, true, indent, out);
    }

    /** A race; {@code counted} false for one the verdict does not count (--ignore data-race): no "BUG:" then. */
    static void race(DataRace r, boolean counted, String indent, Appendable out) throws IOException {
        out.append(indent).append(counted ? "BUG: " : "").append("data-race in ").append(r.first().site()).append(" / ").append(r.second().site())
                .append(" on ").append(r.field()).append('\n');
        side(r.field(), r.first(), indent, out);
        side(r.field(), r.second(), indent, out);
        out.append(indent).append("  seen ").append(String.valueOf(r.occurrences())).append(r.occurrences() == 1 ? " time" : " times")
                .append(", first in execution ").append(String.valueOf(r.execution())).append('\n');
    }

    private static void side(String field, RaceAccess a, String indent, Appendable out) throws IOException {
        out.append(indent).append("  ").append(a.write() ? "write to " : "read from ").append(field).append(" by task ")
                .append(a.task()).append(" in ").append(a.site()).append(" at step ").append(String.valueOf(a.step() + 1));
        if (a.value() != null) {
            out.append(a.write() ? ": = " : ": got ").append(a.value());
        }
        out.append(", holding ").append(a.locksHeld().isEmpty() ? "no lock" : String.join(", ", a.locksHeld())).append('\n');
    }

    static void assertions(List<AssertionSite> sites, String indent, Appendable out) throws IOException {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"check", "in", "ran", "failed"});
        for (AssertionSite s : sites) {
            cells.add(new String[] {s.form() + "(" + s.lockClass() + ")", s.site(), String.valueOf(s.checks()), String.valueOf(s.failures())});
        }
        table(cells, indent, out);
    }

    /** A plain left-aligned table; the first row is the header. */
    static void table(List<String[]> rows, String indent, Appendable out) throws IOException {
        int n = rows.get(0).length;
        int[] w = new int[n];
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            StringBuilder b = new StringBuilder(indent);
            for (int i = 0; i < n; i++) {
                b.append(pad(rows.get(k)[i], w[i] + 2));
            }
            out.append(b.toString().stripTrailing()).append('\n');
            if (k == 0) {
                StringBuilder r = new StringBuilder(indent);
                for (int i = 0; i < n; i++) {
                    r.append(pad("-".repeat(w[i]), w[i] + 2));
                }
                out.append(r.toString().stripTrailing()).append('\n');
            }
        }
    }

    static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }
}
