package dev.whylock.engine.search;

/** Receives progress during a long search; the CLI turns it into a progress bar. */
@FunctionalInterface
public interface Progress {

    /** Called every few executions with the totals so far. */
    void update(long executions, long blocked, int violations, long elapsedNanos);

    /** Called from inside a long execution every few hundred steps: {@code steps} so far in it. */
    default void inExecution(long executions, long steps, long elapsedNanos) {}

    Progress NONE = (e, b, v, n) -> {};
}
