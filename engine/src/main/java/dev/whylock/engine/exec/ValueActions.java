package dev.whylock.engine.exec;

/** A value that comes from outside the program's state: a nondeterministic choice. */
final class ValueActions {
    private ValueActions() {}

    /** A choice in {@code [0, n)}, made by the strategy (the first value during setup). Touches nothing. */
    record Choose(String label, int n) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.CHOOSE;
        }

        @Override
        public Object arg() {
            return n;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            op.result = x.chooseValue(op.step, n);
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return Footprint.EMPTY;
        }
    }

}
