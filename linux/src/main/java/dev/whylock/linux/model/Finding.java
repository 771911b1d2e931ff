package dev.whylock.linux.model;

import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.EdgeWitness;
import dev.whylock.engine.analysis.LockCycle;
import dev.whylock.engine.analysis.LockOrderEdge;
import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * What an exploration found, reduced to the names it mentions (functions, fields, lock classes,
 * struct types, invariants), so that a {@link ArgumentPoint} can say whether the finding bears on
 * it. Built from the engine's results; it adds nothing the exploration did not report.
 *
 * @param kind the violation kind key ({@code deadlock}, {@code use-after-free}, ...), or
 *        {@code lock-order-cycle} and {@code data-race} for the analyses' findings
 * @param text the finding's own words: message, sites, fields and lock classes, space-separated
 */
public record Finding(String kind, String text) {

    /**
     * A violation: its message and, unless it is a deadlock (whose message names every waiting task's
     * lock and site), the function and object of its last step, where it struck.
     */
    public static Finding of(Violation v) {
        StringBuilder b = new StringBuilder(v.message());
        List<Step> steps = v.trace().steps();
        if (!steps.isEmpty() && v.kind() != dev.whylock.engine.ViolationKind.DEADLOCK) {
            Step last = steps.get(steps.size() - 1);
            b.append(' ').append(last.site()).append(' ').append(last.object());
        }
        return new Finding(v.kind().key(), b.toString());
    }

    /** A lock-order cycle: its lock classes and the sites of every edge's witnesses. */
    public static Finding of(LockCycle c) {
        List<String> words = new ArrayList<>(c.locks());
        for (LockOrderEdge e : c.edges()) {
            for (EdgeWitness w : e.witnesses()) {
                words.add(w.heldAt());
                words.add(w.acquiredAt());
            }
        }
        return new Finding("lock-order-cycle", String.join(" ", words));
    }

    /** A data race: its field and both access sites with the locks held at each. */
    public static Finding of(DataRace r) {
        return new Finding("data-race", r.field() + " " + r.first().site() + " " + r.second().site() + " "
                + String.join(" ", r.first().locksHeld()) + " " + String.join(" ", r.second().locksHeld()));
    }

    /** Whether {@code name} occurs as a whole name (not inside a longer identifier such as {@code struct sfp_bus}). */
    boolean mentions(String name) {
        int from = 0;
        while (true) {
            int i = text.indexOf(name, from);
            if (i < 0) {
                return false;
            }
            int end = i + name.length();
            if ((i == 0 || !identifier(text.charAt(i - 1))) && (end == text.length() || !identifier(text.charAt(end)))) {
                return true;
            }
            from = i + 1;
        }
    }

    private static boolean identifier(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
