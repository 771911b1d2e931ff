package dev.whylock.engine.result;

import dev.whylock.engine.ViolationKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A violation found by the search with its minimal known counterexample (fewest preemptions, then
 * fewest steps), the scheduling decisions that replay it and, for a deadlock, what each blocked
 * task waits for.
 */
public record Violation(ViolationKind kind, String message, String task, Trace trace, List<Integer> decisions, long execution,
        List<Wait> waits) {

    /** Damage first, then data races, then failed lock assertions (what was assumed); stable within each. */
    public static final Comparator<Violation> REPORT_ORDER = Comparator.comparingInt(v -> rank(v.kind()));

    public Violation {
        decisions = List.copyOf(decisions);
        waits = List.copyOf(waits);
    }

    /** A violation whose waits are taken from a deadlock message of the form {@code ...; TASK waits for X; ...}. */
    public Violation(ViolationKind kind, String message, String task, Trace trace, List<Integer> decisions, long execution) {
        this(kind, message, task, trace, decisions, execution, kind == ViolationKind.DEADLOCK ? waitsIn(message) : List.of());
    }

    /** The key under which repeated findings of the same violation are merged. */
    public String key() {
        return kind.key() + ": " + message;
    }

    private static int rank(ViolationKind k) {
        return k == ViolationKind.ASSERTION ? 2 : k == ViolationKind.DATA_RACE ? 1 : 0;
    }

    /*
     * Bridge until the execution reports the waits as data (issue 9 reshapes RawViolation): the
     * deadlock message is built from "TASK waits for ..." parts joined by "; ", one per blocked task.
     */
    private static List<Wait> waitsIn(String message) {
        List<Wait> out = new ArrayList<>();
        for (String part : message.split("; ")) {
            int at = part.indexOf(" waits ");
            if (at > 0 && part.indexOf(' ') == at) {
                out.add(new Wait(part.substring(0, at), part.substring(at + 1)));
            }
        }
        return out;
    }
}
