package dev.whylock.engine.stress;

import java.util.Map;

/**
 * What "run it and see" gave: how many of {@code runs} real-thread runs failed, the first failing
 * run (1-based, or 0 when none failed) and its failure, how often each failure was seen, and the wall time.
 */
public record StressResult(int runs, int failedRuns, int firstFailureRun, String firstFailure, Map<String, Integer> failures, long elapsedMillis) {

    public StressResult {
        failures = Map.copyOf(failures);
    }

    /** The fraction of runs that failed. */
    public double failureRate() {
        return runs == 0 ? 0 : (double) failedRuns / runs;
    }
}
