package dev.whylock.engine.exec;

/**
 * Waiting for quiescence: settle waits until no work item is pending or running; the invariant
 * check runs when, in addition, every spawned task has finished. Both observe the execution-wide
 * counters ({@link Footprint#BUSY}, {@link Footprint#LIVE}) that work items and tasks update
 * commutatively; the check also observes every field and object liveness the invariants read.
 */
final class QuiescenceActions {
    private QuiescenceActions() {}

    /** settle: waits until no work item is pending or running. */
    record Settle() implements Action {
        @Override
        public OpKind kind() {
            return OpKind.SETTLE;
        }

        @Override
        public boolean enabled(Execution x, TaskState t) {
            return x.busy() == 0;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.observe(Footprint.BUSY, (long) x.busy());
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().observe(Footprint.BUSY).build();
        }

        @Override
        public Enabling couldRunWithCounters(long busy, long live) {
            return Enabling.of(busy == 0);
        }

        @Override
        public boolean waitsForQuiescence() {
            return true;
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "waits for pending work to settle";
        }
    }

    /**
     * The checker task's one operation: evaluates every invariant at a quiescent point. Which
     * quiescent point is a scheduling choice, so the search covers every reachable quiescent state.
     */
    record Check() implements Action {
        @Override
        public OpKind kind() {
            return OpKind.CHECK;
        }

        @Override
        public boolean enabled(Execution x, TaskState t) {
            return x.busy() == 0 && x.live() == 0;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.observe(Footprint.BUSY, (long) x.busy());
            fp.observe(Footprint.LIVE, (long) x.live());
            x.checkInvariants("while quiescent", fp);
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().observe(Footprint.BUSY).observe(Footprint.LIVE).observeAllMemory().build();
        }

        @Override
        public Enabling couldRunWithCounters(long busy, long live) {
            return Enabling.of(busy == 0 && live == 0);
        }

        @Override
        public boolean waitsForQuiescence() {
            return true;
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "waits for quiescence to check the invariants";
        }
    }
}
