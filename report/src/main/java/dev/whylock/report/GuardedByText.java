package dev.whylock.report;

import java.io.IOException;
import java.util.List;

/** The {@code @GuardedBy (Java)} section of a text report: each annotation checked, its breaches, then the suggestions. */
final class GuardedByText {

    private GuardedByText() {}

    /** Appends the section when the check ran ({@code g} not null); {@code full} adds the trace of every breach. */
    static void render(GuardedByCheck g, boolean full, Appendable out) throws IOException {
        if (g == null) {
            return;
        }
        out.append('\n').append(headline(g)).append('\n');
        if (g.guards().isEmpty()) {
            out.append("  no field the program touches carries @GuardedBy\n");
        }
        for (GuardedByCheck.Guard guard : g.guards()) {
            out.append(String.format("  %-34s @GuardedBy(\"%s\")  %s%n", guard.field(), guard.expression(), verdict(guard)));
            for (GuardedByCheck.Breach b : guard.breaches()) {
                out.append("      ").append(breach(guard, b)).append('\n');
                if (full) {
                    ColumnTrace.print(b.counterexample(), "      ", out);
                }
            }
        }
        List<GuardedByCheck.Suggestion> rest = g.toReport();
        if (!rest.isEmpty()) {
            out.append("  suggested from the locksets (the lock held at every shared access):\n");
        }
        for (GuardedByCheck.Suggestion s : rest) {
            out.append(String.format("  %-34s %s%n", s.field(), suggestion(s)));
        }
        if (g.guards().isEmpty() && rest.isEmpty()) {
            out.append("  no field is written while shared with the same lock held at every access\n");
        }
    }

    static String headline(GuardedByCheck g) {
        return "@GuardedBy (Java): " + coverage(g);
    }

    /** e.g. {@code checked against 18 executions of the code as written (exhaustive)}. */
    static String coverage(GuardedByCheck g) {
        return "checked against " + String.format("%,d", g.executions()) + " executions of the code as written"
                + (g.exhaustive() ? " (exhaustive)" : " (not exhaustive)");
    }

    /** Held at every access, never accessed, violated at N sites, or why it could not be checked. */
    static String verdict(GuardedByCheck.Guard g) {
        if (!g.checkable()) {
            return g.unchecked();
        }
        if (!g.breaches().isEmpty()) {
            return "VIOLATED at " + g.breaches().size() + (g.breaches().size() == 1 ? " site" : " sites");
        }
        return g.accesses() == 0 ? "never accessed outside its initialisers"
                : "held at all " + String.format("%,d", g.accesses()) + " checked accesses";
    }

    /** e.g. {@code read in Pool.release:29 by cleanup without com.example.Pool.lock (10 steps)}. */
    static String breach(GuardedByCheck.Guard g, GuardedByCheck.Breach b) {
        return (b.write() ? "written" : "read") + " in " + b.site() + " by " + b.counterexample().task() + " without " + g.lock()
                + " (" + b.counterexample().trace().steps().size() + " steps)";
    }

    /** The annotation to add with its class, or the note saying why there is none. */
    static String suggestion(GuardedByCheck.Suggestion s) {
        return switch (s.status()) {
            case SUGGESTED -> s.annotation() + "  (" + s.annotationClass() + ")";
            case ANNOTATED_DIFFERENTLY, CANNOT_NAME -> s.note();
            case ALREADY_ANNOTATED -> "";
        };
    }
}
