package dev.whylock.engine.search;

/** Receives progress during a long search; the CLI turns it into a progress bar. */
@FunctionalInterface
public interface Progress {

    /** Called every few executions with the totals so far. */
    void update(long executions, long blocked, int violations, long elapsedNanos);

    Progress NONE = (e, b, v, n) -> {};
}
