package dev.whylock.engine.exec;

import java.util.List;

/**
 * What one execution did: how it ended, the violations it hit, its operation log, and the
 * decisions that reproduce it.
 */
public record ExecutionOutcome(
        Status status,
        List<RawViolation> violations,
        List<Op> log,
        int preemptions,
        List<Integer> decisions,
        boolean bounded,
        List<String> taskNames,
        List<TaskInfo> tasks,
        List<AssertionCheck> assertions,
        boolean timed) {

    /**
     * A lock assertion that ran: {@code holder} true for lockdep_assert_held (the caller must hold
     * it), false for ASSERT_RTNL-style (someone must hold it); {@code step} is the number of
     * operations logged before it.
     */
    public record AssertionCheck(String lockClass, String site, int task, int step, boolean holder, boolean passed) {}

    /**
     * How a task came to be: its creator ({@code -1} for main) and how many operations had been
     * logged when it was created (its start happens after the creator's operation {@code createdAfter - 1}).
     * {@code work} names the work item a worker task runs, or is {@code null}.
     */
    public record TaskInfo(String name, int parent, int createdAfter, String work) {}

    public enum Status {
        /** Every task finished (or was killed by a non-fatal-to-others violation) and no work is pending. */
        COMPLETE,
        /** It hit a fatal violation (a killed task, a deadlock, the step bound). */
        VIOLATION,
        /** The strategy abandoned it as redundant (sleep-set blocked). */
        ABANDONED,
        /** The exploration was interrupted (time limit or cancellation) in the middle of it. */
        INTERRUPTED
    }

    /** The preemptions among the first {@code steps} operations. */
    public int preemptionsUpTo(int steps) {
        int n = 0;
        for (int i = 0; i < steps && i < log.size(); i++) {
            if (log.get(i).preemption) {
                n++;
            }
        }
        return n;
    }
}
