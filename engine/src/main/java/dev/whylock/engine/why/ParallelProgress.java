package dev.whylock.engine.why;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.search.Progress;

/**
 * The progress of explorations running at once, told to one listener as if they ran one after the
 * other: the listener expects each exploration to count its executions from zero after
 * {@link InquiryListener#exploring}, so this sums every exploration's count and reports it relative
 * to the total at the last {@code exploring} call. Every call reaches the listener under one lock.
 */
final class ParallelProgress implements InquiryListener {

    private final Progress target;
    private final InquiryListener listener;
    /** Executions of every exploration so far, and that total when the listener last heard of a new exploration. */
    private long total;
    private long sentBase;

    ParallelProgress(Progress target, InquiryListener listener) {
        this.target = target;
        this.listener = listener;
    }

    @Override
    public synchronized void exploring(String scenario, LockExperiment experiment, int index, int totalExplorations) {
        listener.exploring(scenario, experiment, index, totalExplorations);
        sentBase = total;
    }

    /** The progress of one exploration. */
    Progress forExploration() {
        return new Progress() {
            private long mine;

            @Override
            public void update(long executions, long blocked, int violations, long elapsedNanos) {
                synchronized (ParallelProgress.this) {
                    total += executions - mine;
                    mine = executions;
                    target.update(total - sentBase, blocked, violations, elapsedNanos);
                }
            }

            @Override
            public void inExecution(long executions, long steps, long elapsedNanos) {
                synchronized (ParallelProgress.this) {
                    total += executions - mine;
                    mine = executions;
                    target.inExecution(total - sentBase, steps, elapsedNanos);
                }
            }
        };
    }
}
