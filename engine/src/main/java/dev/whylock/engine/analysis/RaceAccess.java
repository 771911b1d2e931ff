package dev.whylock.engine.analysis;

import java.util.List;

/**
 * One side of a data race: which task accessed the field where, at which step, with which value.
 *
 * @param task       the task name, e.g. {@code kworker:sfp_timeout}
 * @param site       the function that accessed the field
 * @param step       the index of the access in the execution's log
 * @param write      true for a write
 * @param value      the value read or written, rendered like a trace step ({@code NULL}, {@code &sfp_bus#3})
 * @param locksHeld  lock classes the task held, sorted
 */
public record RaceAccess(String task, String site, int step, boolean write, String value, List<String> locksHeld) implements java.io.Serializable {

    public RaceAccess {
        locksHeld = List.copyOf(locksHeld);
    }
}
