package dev.whylock.engine.analysis;

import java.util.List;

/**
 * A lockdep dependency between two lock classes: some task acquired {@code acquired} (or waited for
 * work that acquires it) while holding {@code held}.
 *
 * @param held       the lock class already held
 * @param acquired   the lock class taken (or waited for) under it
 * @param witnesses  the distinct sites that created the edge, sorted
 */
public record LockOrderEdge(String held, String acquired, List<EdgeWitness> witnesses) {

    public LockOrderEdge {
        witnesses = List.copyOf(witnesses);
    }
}
