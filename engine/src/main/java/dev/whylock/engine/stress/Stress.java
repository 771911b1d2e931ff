package dev.whylock.engine.stress;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Program;
import dev.whylock.engine.search.Ticker;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The {@code stress} strategy: run the program many times on real platform threads with real locks
 * and no control, and count how often it fails. This is what "remove the lock and see what fails"
 * gives, measured next to systematic exploration.
 */
public final class Stress {

    private Stress() {}

    /**
     * The stress strategy as the why inquiry's {@link dev.whylock.engine.why.StressRunner}: counts
     * runs that ended in damage (every failure a real-thread run can see is damage; lock assertions
     * are not checked on real threads).
     */
    public static dev.whylock.engine.why.StressRunner runner(long hangMillis, long seed, Ticker ticker, BooleanSupplier cancelled) {
        return (program, experiments, runs) -> {
            StressResult r = run(program, experiments, (int) Math.min(runs, Integer.MAX_VALUE), hangMillis, seed, false, ticker, cancelled);
            return new dev.whylock.engine.why.StressCounts(r.runs(), r.failedRuns(), r.firstFailureRun(), r.firstFailure());
        };
    }

    /**
     * Runs {@code program} {@code runs} times.
     *
     * @param hangMillis how long a task may wait for a lock, a join or a flush before the run counts as deadlocked
     * @param stopAtFirst stop after the first failing run
     */
    public static StressResult run(Program program, List<LockExperiment> experiments, int runs, long hangMillis,
                                   long seed, boolean stopAtFirst, Ticker ticker, BooleanSupplier cancelled) {
        long start = ticker.nanos();
        TreeMap<String, Integer> failures = new TreeMap<>();
        int failed = 0;
        int first = 0;
        String firstFailure = null;
        int done = 0;
        for (int i = 1; i <= runs && !cancelled.getAsBoolean(); i++) {
            StressOutcome o = new StressExecution(program, experiments, hangMillis, seed + i).run();
            done++;
            if (o.failure() != null) {
                failed++;
                failures.merge(o.failure(), 1, Integer::sum);
                if (first == 0) {
                    first = i;
                    firstFailure = o.failure();
                }
                if (stopAtFirst) {
                    break;
                }
            }
        }
        return new StressResult(done, failed, first, firstFailure, failures, (ticker.nanos() - start) / 1_000_000);
    }
}
