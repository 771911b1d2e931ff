package dev.whylock.engine.exec;

import dev.whylock.engine.Completion;

/**
 * Completions: complete adds a wake-up (complete_all makes them unlimited), wait_for_completion
 * blocks until one is available and consumes it. Every operation changes the count, so all are
 * ordered; a wait can move before an earlier complete only if a wake-up was already available.
 */
final class CompletionActions {
    private CompletionActions() {}

    /** complete / complete_all. */
    record Complete(Completion c, boolean all) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.COMPLETE;
        }

        @Override
        public Object target() {
            return c;
        }

        @Override
        public Object arg() {
            return all;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            int done = c.done();
            fp.modify(c.id(), done);
            c.setDone(all || done == Integer.MAX_VALUE ? Integer.MAX_VALUE : done + 1);
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().modify(c.id()).build();
        }
    }

    /** wait_for_completion. */
    record WaitFor(Completion c) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.WAIT_COMPLETION;
        }

        @Override
        public Object target() {
            return c;
        }

        @Override
        public boolean enabled(Execution x, TaskState t) {
            return c.done() > 0;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            int done = c.done();
            fp.modify(c.id(), done);
            if (done != Integer.MAX_VALUE) {
                c.setDone(done - 1);
            }
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().modify(c.id()).build();
        }

        @Override
        public Enabling couldRunWhen(int object, Object stateBefore, int task) {
            return Enabling.of(object != c.id() || (Integer) stateBefore > 0);
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "waits for completion " + c + " in " + op.site;
        }
    }
}
