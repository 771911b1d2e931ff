package dev.whylock.engine.exec;

/**
 * Virtual time. In the untimed and ordered modes the clock ({@link Footprint#CLOCK}) is the
 * largest deadline of the timers that have started. In the timed mode ({@link RunConfig.Timing#TIMED})
 * time ({@link Footprint#TIME}) advances only when no task can do anything at the current time:
 * the clock task's tick moves it to the earliest deadline of an armed timer (a work item's, or a
 * task's own timer for a sleep or a timed wait, {@link Timeouts}). Code between operations takes
 * no time; a timer starts, and a sleep or timed wait times out, only once time has reached its deadline.
 */
final class TimeActions {
    private TimeActions() {}

    /** Records that an operation reads the current time (the clock, or in timed mode the time). */
    static void observe(Execution x, Footprint.Builder fp) {
        if (x.timed()) {
            fp.observe(Footprint.TIME, x.clock());
        } else {
            fp.observe(Footprint.CLOCK, x.clock());
        }
    }

    /** The object that reading the current time touches. */
    static int object(Execution x) {
        return x.timed() ? Footprint.TIME : Footprint.CLOCK;
    }

    /** Reads the virtual clock. */
    record Now() implements Action {
        @Override
        public OpKind kind() {
            return OpKind.NOW;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            observe(x, fp);
            op.result = x.clock();
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().observe(object(x)).build();
        }
    }

    /** msleep / usleep_range / Thread.sleep: in timed mode the task waits until time has advanced by {@code millis}. */
    record Sleep(long millis) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.MSLEEP;
        }

        @Override
        public Object arg() {
            return millis;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            if (!x.timed() || millis <= 0) {
                return null; // untimed: a sleep may end at any later point, so it is just a scheduling point
            }
            observe(x, fp);
            return new WakeUp(x.clock() + millis);
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return x.timed() ? new Footprint.Builder().observe(Footprint.TIME).build() : Footprint.EMPTY;
        }
    }

    /** The end of a sleep in timed mode: enabled once time has reached {@code at}. */
    record WakeUp(long at) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.MSLEEP_END;
        }

        @Override
        public Object arg() {
            return at;
        }

        @Override
        public boolean enabled(Execution x, TaskState t) {
            return x.clock() >= at;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.observe(Footprint.TIME, x.clock());
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().observe(Footprint.TIME).build();
        }

        @Override
        public Enabling couldRunWhen(int object, Object stateBefore, int task) {
            return object != Footprint.TIME ? Enabling.ENABLED : Enabling.of((Long) stateBefore >= at);
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "sleeps until t=" + at + "ms";
        }

        @Override
        public boolean waitsOnlyForDeadline() {
            return true;
        }
    }

    /**
     * The clock task's operation in timed mode: when no other task can run, time moves to the
     * earliest pending deadline. It can never be moved before anything (something could run then)
     * and nothing it enables can move before it, so it takes part in no race.
     */
    record Tick() implements Action {
        @Override
        public OpKind kind() {
            return OpKind.TICK;
        }

        @Override
        public boolean enabled(Execution x, TaskState t) {
            return x.nextDeadline() > x.clock(); // and (checked by the scheduler) no other task is enabled
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.modify(Footprint.TIME, x.clock());
            x.advanceTimeTo(x.nextDeadline());
            op.result = x.clock();
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return Footprint.EMPTY; // blocked at the end, it races with nothing
        }

        @Override
        public Enabling couldRunWhen(int object, Object stateBefore, int task) {
            return Enabling.DISABLED;
        }

        @Override
        public boolean barrier() {
            return true;
        }
    }

    /** The body of the clock task: tick forever. */
    static void clockBody(Execution x) {
        while (true) {
            x.perform(new Tick(), "time passes");
        }
    }
}
