package dev.whylock.engine.result;

import dev.whylock.engine.ViolationKind;
import java.util.Comparator;
import java.util.List;

/**
 * A violation found by the search with its minimal known counterexample (fewest preemptions, then
 * fewest steps), the scheduling decisions that replay it and, for a deadlock, what each blocked
 * task waits for. {@code afterFailure}: in every execution where it was seen, it happened after a
 * task of that execution had been killed by an earlier violation, so it may be a consequence of
 * that failure (a lock the dead task still holds, state it left half-updated).
 */
public record Violation(ViolationKind kind, String message, String task, Trace trace, List<Integer> decisions, long execution,
        List<Wait> waits, boolean afterFailure) implements java.io.Serializable {

    /** Damage first (independent before after-a-failure), then data races, then failed lock assertions (what was assumed); stable within each. */
    public static final Comparator<Violation> REPORT_ORDER = Comparator.comparingInt(Violation::rank);

    public Violation {
        decisions = List.copyOf(decisions);
        waits = List.copyOf(waits);
    }

    /** An independent violation without waits. */
    public Violation(ViolationKind kind, String message, String task, Trace trace, List<Integer> decisions, long execution) {
        this(kind, message, task, trace, decisions, execution, List.of(), false);
    }

    /** The same violation with another counterexample (and the given after-a-failure status). */
    public Violation withCounterexample(String task, Trace trace, List<Integer> decisions, boolean afterFailure) {
        return new Violation(kind, message, task, trace, decisions, execution, waits, afterFailure);
    }

    /** The key under which repeated findings of the same violation are merged. */
    public String key() {
        return kind.key() + ": " + message;
    }

    private int rank() {
        return kind == ViolationKind.ASSERTION ? 3 : kind == ViolationKind.DATA_RACE ? 2 : afterFailure ? 1 : 0;
    }
}
