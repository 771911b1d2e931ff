package dev.whylock.engine.search;

import dev.whylock.engine.exec.ExecutionOutcome;

/** Sees every finished execution: how the analyses (locksets, races, lock order) consume the search. */
@FunctionalInterface
public interface ExecutionObserver {

    void onExecution(ExecutionOutcome outcome);
}
