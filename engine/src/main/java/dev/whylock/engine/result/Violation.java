package dev.whylock.engine.result;

import dev.whylock.engine.ViolationKind;
import java.util.List;

/**
 * A violation found by the search with its minimal known counterexample (fewest preemptions, then
 * fewest steps) and the scheduling decisions that replay it.
 */
public record Violation(ViolationKind kind, String message, String task, Trace trace, List<Integer> decisions, long execution) {

    public Violation {
        decisions = List.copyOf(decisions);
    }

    /** The key under which repeated findings of the same violation are merged. */
    public String key() {
        return kind.key() + ": " + message;
    }
}
