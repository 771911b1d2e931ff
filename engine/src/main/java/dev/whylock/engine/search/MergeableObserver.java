package dev.whylock.engine.search;

import java.io.Serializable;

/**
 * An observer whose work can be split: executions observed by a fresh copy elsewhere (a unit of a
 * split search run on another JVM) are added back with {@link #absorb}, and the result is what
 * this observer would have had if it had seen those executions itself, after its own. Copies
 * travel as Java-serialised data, so the state must be plain data.
 */
public interface MergeableObserver extends ExecutionObserver, Serializable {

    /** An empty observer configured like this one. */
    MergeableObserver fresh();

    /**
     * Adds what {@code later} (a {@link #fresh()} copy of this observer, of the same class) observed,
     * as if its executions came after every execution this one has seen.
     */
    void absorb(MergeableObserver later);
}
