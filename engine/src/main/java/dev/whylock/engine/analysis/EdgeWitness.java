package dev.whylock.engine.analysis;

import java.util.List;

/**
 * Where a lock-order edge {@code held -> acquired} was created: directly, by taking a lock while
 * holding another, or through a flush, by flushing (or cancel_work_sync-ing) a work item while
 * holding a lock that the work item takes when it runs.
 *
 * @param heldAt        the site that took the held lock
 * @param acquiredAt    the site that took the acquired lock (inside the work item for a flush edge)
 * @param task          the task that held the lock
 * @param flushedWork   the work item flushed, or {@code null} for a direct edge
 * @param flushedAt     the flush_work / cancel_work_sync site, or {@code null} for a direct edge
 * @param alsoHeld      other lock classes the task held at the same time, sorted (a common one
 *                      across a cycle is a gate lock that prevents the deadlock)
 */
public record EdgeWitness(String heldAt, String acquiredAt, String task, String flushedWork, String flushedAt,
        List<String> alsoHeld) implements java.io.Serializable {

    public EdgeWitness {
        alsoHeld = List.copyOf(alsoHeld);
    }

    /** Whether this edge comes from a flush rather than from nested locking. */
    public boolean viaFlush() {
        return flushedWork != null;
    }
}
