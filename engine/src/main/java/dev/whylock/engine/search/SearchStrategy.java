package dev.whylock.engine.search;

import dev.whylock.engine.exec.Chooser;
import dev.whylock.engine.exec.ExecutionOutcome;

/** A search over executions: it prepares each execution, makes its choices, and learns from its outcome. */
public interface SearchStrategy extends Chooser {

    /** Prepares the next execution; returns false when the strategy's space is exhausted. */
    boolean beginExecution();

    /** Called after every execution; strategies that do not learn from outcomes ignore it. */
    default void endExecution(ExecutionOutcome outcome) {}

    /** Strategies that do not track the executed operations ignore them. */
    @Override
    default void executed(dev.whylock.engine.exec.Op op, boolean fixed) {}

    /** Strategies that do not track tasks ignore their creation. */
    @Override
    default void taskCreated(int task, int parent) {}

    /** Whether running out of executions means the whole space (within the strategy's bound) was covered. */
    boolean exhaustsSpace();

    /** A name for reports, e.g. {@code dpor} or {@code pct(d=3)}. */
    String name();
}
