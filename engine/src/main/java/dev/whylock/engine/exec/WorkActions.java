package dev.whylock.engine.exec;

import dev.whylock.engine.Work;

/**
 * Work items (work_struct, delayed_work, timer_list, threaded IRQ): queue, mod, cancel (+sync),
 * flush, pending, and the worker's start and finish of a run.
 *
 * <p>All of them touch the item's own state, so operations on one item are ordered; those that make
 * an item busy or idle also update the busy counter ({@link Footprint#BUSY}) that settle and the
 * invariant check wait on. In ordered timing every arming, cancel and start also changes the set of
 * armed timers ({@link Footprint#TIMERS}), because a timer may start only when no earlier one is
 * armed. Kernel semantics kept here: queueing a pending item does nothing; an item queued while it
 * runs runs once more; while cancel_work_sync waits for the running instance, queueing fails (the
 * canceller owns the PENDING bit); a flush of a generation that is then cancelled returns.
 */
final class WorkActions {
    private WorkActions() {}

    /** queue_work / queue_delayed_work ({@code modify} false) or mod_delayed_work / mod_timer (true). */
    record Queue(WorkState ws, long delay, boolean modify) implements Action {
        @Override
        public OpKind kind() {
            return modify ? OpKind.WORK_MODIFY : OpKind.WORK_QUEUE;
        }

        @Override
        public Object target() {
            return ws.work;
        }

        @Override
        public Object arg() {
            return delay;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.modify(ws.work.id(), ws.snapshot());
            boolean wasPending = ws.pending;
            boolean armed = (modify || !wasPending) && arm(x, t, fp);
            op.result = modify ? wasPending : armed;
            return null;
        }

        /** Makes the item pending with a deadline {@code delay} from now; false when cancelling or out of runs. */
        private boolean arm(Execution x, TaskState t, Footprint.Builder fp) {
            if (ws.cancelers > 0) {
                return false;
            }
            if (!ws.pending && ws.starts >= ws.work.maxRuns()) {
                x.markBounded();
                return false;
            }
            if (delay > 0 || x.timed()) {
                TimeActions.observe(x, fp);
            }
            if (x.orderedTimers()) {
                fp.modify(Footprint.TIMERS, x.works().timers());
            }
            ws.deadline = x.clock() + Math.max(0, delay);
            ws.delayed = delay > 0;
            ws.armSeq = x.works().nextArmSeq();
            if (!ws.pending) {
                ws.pending = true;
                ws.queuedGen++;
                if (!ws.running) {
                    x.addBusy(1, fp);
                }
            }
            x.ensureWorker(ws, t);
            return true;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            Footprint.Builder b = new Footprint.Builder().modify(ws.work.id()).add(Footprint.BUSY, 1, 0);
            if (delay > 0 || x.timed()) {
                b.observe(TimeActions.object(x));
            }
            if (x.orderedTimers()) {
                b.modify(Footprint.TIMERS);
            }
            return b.build();
        }
    }

    /** cancel_work / del_timer ({@code sync} false) or cancel_work_sync / del_timer_sync (true). */
    record Cancel(WorkState ws, boolean sync) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.WORK_CANCEL;
        }

        @Override
        public Object target() {
            return ws.work;
        }

        @Override
        public Object arg() {
            return sync;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.modify(ws.work.id(), ws.snapshot());
            op.result = ws.pending;
            if (ws.pending) {
                if (x.orderedTimers()) {
                    fp.modify(Footprint.TIMERS, x.works().timers());
                }
                ws.pending = false;
                if (ws.running) {
                    ws.cancelledGen = ws.queuedGen;
                } else {
                    ws.doneGen = ws.queuedGen;
                    x.addBusy(-1, fp);
                }
            }
            if (sync && ws.running) {
                ws.cancelers++;
                return new WaitRun(ws, ws.startedGen, true);
            }
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            Footprint.Builder b = new Footprint.Builder().modify(ws.work.id()).add(Footprint.BUSY, -1, 0);
            if (x.orderedTimers()) {
                b.modify(Footprint.TIMERS);
            }
            return b.build();
        }
    }

    /** flush_work: waits until the last queued run has finished. */
    record Flush(WorkState ws) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.WORK_FLUSH;
        }

        @Override
        public Object target() {
            return ws.work;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.observe(ws.work.id(), ws.snapshot());
            long target = ws.flushTarget();
            return target >= 0 ? new WaitRun(ws, target, false) : null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().observe(ws.work.id()).build();
        }
    }

    /** work_pending / timer_pending. */
    record Pending(WorkState ws) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.WORK_PENDING;
        }

        @Override
        public Object target() {
            return ws.work;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.observe(ws.work.id(), ws.snapshot());
            op.result = ws.pending;
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().observe(ws.work.id()).build();
        }
    }

    /**
     * A flush or cancel_work_sync waiting until generation {@code generation} has finished (or was
     * cancelled); {@code endsCancel} when it is cancel_work_sync's wait, which lets queueing succeed again.
     */
    record WaitRun(WorkState ws, long generation, boolean endsCancel) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.WORK_WAIT;
        }

        @Override
        public Object target() {
            return ws.work;
        }

        @Override
        public boolean enabled(Execution x, TaskState t) {
            return ws.doneGen >= generation;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            if (endsCancel) {
                fp.modify(ws.work.id(), ws.snapshot());
                ws.cancelers--;
            } else {
                fp.observe(ws.work.id(), ws.snapshot());
            }
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            Footprint.Builder b = new Footprint.Builder();
            return (endsCancel ? b.modify(ws.work.id()) : b.observe(ws.work.id())).build();
        }

        @Override
        public Enabling couldRunWhen(int object, Object stateBefore, int task) {
            return Enabling.of(object != ws.work.id() || ((WorkState.Snapshot) stateBefore).doneGen() >= generation);
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            return "waits in " + op.site + " for work " + ws.work + " to finish";
        }
    }

    /** The worker starts a run of its pending item. */
    record Start(WorkState ws, RunConfig.Timing timing) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.WORK_START;
        }

        @Override
        public Object target() {
            return ws.work;
        }

        @Override
        public boolean enabled(Execution x, TaskState t) {
            return ws.pending && x.timerDue(ws);
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.modify(ws.work.id(), ws.snapshot());
            if (x.orderedTimers()) {
                fp.modify(Footprint.TIMERS, x.works().timers());
            }
            ws.pending = false;
            ws.running = true;
            ws.starts++;
            ws.startedGen = ws.queuedGen;
            if (timing == RunConfig.Timing.TIMED) {
                fp.observe(Footprint.TIME, x.clock()); // it could start only once time reached its deadline
            } else if (ws.delayed) {
                x.advanceClock(ws.deadline, fp);
            }
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            Footprint.Builder b = new Footprint.Builder().modify(ws.work.id());
            if (x.orderedTimers()) {
                b.modify(Footprint.TIMERS);
            }
            if (timing == RunConfig.Timing.TIMED) {
                b.observe(Footprint.TIME);
            } else if (ws.delayed) {
                b.add(Footprint.CLOCK, 0, 0);
            }
            return b.build();
        }

        @Override
        public Enabling couldRunWhen(int object, Object stateBefore, int task) {
            if (object == Footprint.TIMERS) {
                return Enabling.of(((WorkTable.Timers) stateBefore).due(ws.work.id()));
            }
            if (object == Footprint.TIME) {
                // Time had to reach the deadline; whether the item was pending then is another object's state.
                return (Long) stateBefore >= ws.deadline ? Enabling.UNKNOWN : Enabling.DISABLED;
            }
            if (object != ws.work.id()) {
                return Enabling.ENABLED;
            }
            if (!((WorkState.Snapshot) stateBefore).pending()) {
                return Enabling.DISABLED;
            }
            // In ordered timing the start also needs to be the earliest armed timer; timed, time must have come.
            return timing == RunConfig.Timing.UNTIMED ? Enabling.ENABLED : Enabling.UNKNOWN;
        }
    }

    /** The worker finishes a run. */
    record Finish(WorkState ws) implements Action {
        @Override
        public OpKind kind() {
            return OpKind.WORK_FINISH;
        }

        @Override
        public Object target() {
            return ws.work;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            fp.modify(ws.work.id(), ws.snapshot());
            ws.running = false;
            ws.doneGen = Math.max(ws.startedGen, ws.cancelledGen);
            if (!ws.pending) {
                x.addBusy(-1, fp);
            }
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            return new Footprint.Builder().modify(ws.work.id()).add(Footprint.BUSY, -1, 0).build();
        }
    }

    /** The body of a worker task: forever, wait for the item to be pending, then run it. */
    static void workerBody(Execution x, WorkState ws) {
        Work w = ws.work;
        while (true) {
            x.perform(new Start(ws, x.timing()), w.name());
            w.fn().run();
            x.perform(new Finish(ws), w.name());
        }
    }
}
