package dev.whylock.engine.exec;

import dev.whylock.engine.Condition;
import dev.whylock.engine.Mutex;
import java.util.ArrayList;
import java.util.List;

/**
 * Wait sets of monitors (Object.wait/notify/notifyAll, Condition.await/signal/signalAll). A wait
 * is two steps: {@link Await} releases every hold of the monitor and joins the wait set (or throws
 * at once if interrupted); {@link Reacquire} takes the holds back. Whoever wakes a waiter — a
 * signal (which waiter is a choice the search enumerates), an interrupt — moves it into the
 * monitor's woken waiters, so the monitor's state alone decides whether it can take it back. A
 * timeout or a spurious wake-up makes the waiter leave by itself, without needing the monitor.
 *
 * <p>What an interrupt does depends on whether its target is in a wait set, so every step that
 * moves a task into or out of one also touches the task's interrupt flag; a signal observes the
 * flags of all the waiters it chooses from.
 */
final class ConditionActions {
    private ConditionActions() {}

    /** One condition's wait set, in arrival order. */
    static final class State {
        final Condition condition;
        final List<Integer> waiters = new ArrayList<>();

        State(Condition condition) {
            this.condition = condition;
        }

        List<Integer> snapshot() {
            return List.copyOf(waiters);
        }

        /** {@code task} leaves the wait set for the monitor's woken waiters ({@code ls}), for reason {@code why}. */
        void leave(Execution x, int task, MonitorState ls, MonitorState.Wake why) {
            waiters.remove((Integer) task);
            ls.woken.put(task, why);
            x.sync().task(task).waitingOn = null;
        }
    }

    static State state(Execution x, Condition c) {
        return x.sync().get(c.id());
    }

    /** An interrupt of {@code task}: if it is in a wait set, it leaves it, woken (the interrupter's step). */
    static void interruptWaiter(Execution x, int task, Footprint.Builder fp) {
        SyncTable.PerTask p = x.sync().task(task);
        State cs = p.waitingOn;
        if (cs == null) {
            return;
        }
        fp.modify(cs.condition.id(), cs.snapshot());
        MonitorState ls = MonitorState.of(x, cs.condition.monitor().mutex());
        fp.modify(cs.condition.monitor().mutex().id(), ls.snapshot());
        cs.leave(x, task, ls, MonitorState.Wake.INTERRUPTED);
    }

    /** await / wait: releases the monitor and joins the wait set; {@code timeout} negative: untimed. */
    static final class Await implements Action {
        final Condition c;
        final long timeout;
        final boolean ordered;
        /** The result for the task, from the step that ended the wait. */
        Object outcome;

        Await(Condition c, long timeout, boolean ordered) {
            this.c = c;
            this.timeout = timeout;
            this.ordered = ordered;
        }

        boolean timed() {
            return timeout >= 0;
        }

        @Override
        public OpKind kind() {
            return OpKind.WAIT;
        }

        @Override
        public Object target() {
            return c;
        }

        @Override
        public Object arg() {
            return timeout < 0 ? null : timeout;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            SyncTable.PerTask p = x.sync().task(t.id);
            fp.observe(Footprint.interruptObject(t.id), p.interrupted);
            if (p.interrupted) {
                Waiting.clearInterrupt(x, t, fp);
                op.result = outcome = Waiting.Ended.INTERRUPTED;
                return null;
            }
            MonitorState.Holds holds = MonitorState.releaseAll(x, t, c.monitor().mutex(), fp);
            op.lock = holds.shown(c.monitor().mutex());
            State cs = state(x, c);
            fp.modify(c.id(), cs.snapshot());
            cs.waiters.add(t.id);
            p.waitingOn = cs;
            // Timed waits have no spurious wake-ups of their own: an early timeout stands for them.
            boolean spurious = !timed() && p.spurious < c.spuriousWakeups();
            if (!timed() && c.spuriousWakeups() > 0 && !spurious) {
                x.markBounded();
            }
            if (timed()) {
                Timeouts.arm(x, t, timeout, fp);
            }
            return new Reacquire(this, holds, spurious);
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            Footprint.Builder b = new Footprint.Builder().modify(Footprint.interruptObject(t.id)).modify(c.id());
            t.held.stream().filter(h -> h.orig() == c.monitor().mutex() && h.actual() != null).forEach(h -> b.modify(h.actual().id()));
            if (timed()) {
                b.observe(TimeActions.object(x));
                Timeouts.pendingFootprint(x, t, b);
            }
            return b.build();
        }
    }

    /** The second step of a wait: once woken (or timed out, or spuriously), takes the monitor back with its holds. */
    static final class Reacquire implements Action {
        private final Await wait;
        private final MonitorState.Holds holds;
        private final boolean spurious;

        Reacquire(Await wait, MonitorState.Holds holds, boolean spurious) {
            this.wait = wait;
            this.holds = holds;
            this.spurious = spurious;
        }

        private Mutex lock() {
            return wait.c.monitor().mutex();
        }

        @Override
        public OpKind kind() {
            return OpKind.WAKE;
        }

        @Override
        public Object target() {
            return wait.c;
        }

        @Override
        public boolean enabled(Execution x, TaskState t) {
            if (MonitorState.of(x, lock()).woken.containsKey(t.id)) {
                return holds.freeFor(x, t.id);
            }
            return spurious || (wait.timed() && Timeouts.due(x, t));
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            MonitorState ls = MonitorState.of(x, lock());
            fp.modify(lock().id(), ls.snapshot());
            SyncTable.PerTask p = x.sync().task(t.id);
            if (!ls.woken.containsKey(t.id)) {
                // It leaves the wait set by itself: its timeout expired, or spuriously.
                fp.observe(Footprint.interruptObject(t.id), p.interrupted);
                State cs = state(x, wait.c);
                fp.modify(wait.c.id(), cs.snapshot());
                boolean expired = wait.timed() && Timeouts.due(x, t);
                cs.leave(x, t.id, ls, expired ? MonitorState.Wake.TIMED_OUT : MonitorState.Wake.SPURIOUS);
                if (expired) {
                    Timeouts.expire(x, t, fp);
                } else {
                    p.spurious++;
                    op.note = "spurious wake-up";
                }
                if (!holds.freeFor(x, t.id, fp)) {
                    op.result = ls.woken.get(t.id);
                    return new Reacquire(wait, holds, false);
                }
            }
            MonitorState.Wake w = ls.woken.remove(t.id);
            Timeouts.disarm(x, t, fp);
            if (w == MonitorState.Wake.INTERRUPTED) {
                Waiting.clearInterrupt(x, t, fp);
                op.result = Waiting.Ended.INTERRUPTED;
            } else {
                op.result = w != MonitorState.Wake.TIMED_OUT;
            }
            MonitorState.retake(x, t, holds, fp);
            op.lock = holds.shown(lock());
            wait.outcome = op.result;
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            Footprint.Builder b = new Footprint.Builder().modify(lock().id()).modify(wait.c.id())
                    .modify(Footprint.interruptObject(t.id));
            holds.counts().keySet().forEach(a -> b.modify(a.id()));
            if (wait.timed()) {
                Timeouts.pendingFootprint(x, t, b);
            }
            return b.build();
        }

        @Override
        public Enabling couldRunWhen(int object, Object stateBefore, int task) {
            boolean isLock = object == lock().id();
            boolean isActual = holds.counts().keySet().stream().anyMatch(a -> a.id() == object);
            if (!isLock && !isActual) {
                return object == Footprint.TIMERS || object == Footprint.TIME ? Enabling.UNKNOWN : Enabling.ENABLED;
            }
            MonitorState.Snapshot s = (MonitorState.Snapshot) stateBefore;
            boolean leaves = spurious || (wait.timed() && !wait.ordered); // may leave the wait set anywhere, without the lock
            if (!isLock) {
                // A replacement lock: whether the waiter was woken is on the monitor itself.
                return s.freeFor(task) || leaves || wait.timed() ? Enabling.UNKNOWN : Enabling.DISABLED;
            }
            if (s.woken().contains(task)) {
                if (isActual && !s.freeFor(task)) {
                    return Enabling.DISABLED;
                }
                return holds.counts().isEmpty() || (holds.counts().size() == 1 && isActual) ? Enabling.ENABLED : Enabling.UNKNOWN;
            }
            return leaves ? Enabling.ENABLED : wait.timed() ? Enabling.UNKNOWN : Enabling.DISABLED;
        }

        @Override
        public String waitDescription(Execution x, Op op) {
            if (MonitorState.of(x, lock()).woken.containsKey(op.task)) {
                return "left its wait in " + op.site + " and waits to take " + lock().lockClass() + " back, "
                        + MonitorState.heldBy(x, holds.shown(lock()));
            }
            String what = wait.c.name().equals(lock().lockClass()) ? lock().lockClass() + ".wait()" : "condition " + wait.c.name();
            return "waits in " + what + " in " + op.site + " for a signal that never comes";
        }

        @Override
        public boolean waitsOnKilled(Execution x) {
            return holds.counts().keySet().stream().anyMatch(a -> MonitorState.heldByKilled(x, a));
        }
    }

    /** signal / signalAll (notify / notifyAll): wakes one waiter (a choice the search explores) or all. */
    record Signal(Condition c, boolean all) implements Action {
        @Override
        public OpKind kind() {
            return all ? OpKind.NOTIFY_ALL : OpKind.NOTIFY;
        }

        @Override
        public Object target() {
            return c;
        }

        @Override
        public Action apply(Execution x, TaskState t, Op op, Footprint.Builder fp) {
            State cs = state(x, c);
            if (cs.waiters.isEmpty()) {
                fp.observe(c.id(), cs.snapshot());
                op.result = "nobody";
                return null;
            }
            fp.modify(c.id(), cs.snapshot());
            for (int w : cs.waiters) {
                fp.observe(Footprint.interruptObject(w), x.sync().task(w).interrupted);
            }
            Mutex lock = c.monitor().mutex();
            MonitorState ls = MonitorState.of(x, lock);
            fp.modify(lock.id(), ls.snapshot());
            List<Integer> woken = all ? List.copyOf(cs.waiters)
                    : List.of(cs.waiters.get(cs.waiters.size() == 1 ? 0 : x.chooseValue(op.step, cs.waiters.size())));
            StringBuilder names = new StringBuilder();
            for (int w : woken) {
                cs.leave(x, w, ls, MonitorState.Wake.SIGNALLED);
                names.append(names.length() == 0 ? "" : ",").append(x.task(w).name);
            }
            op.result = names.toString();
            return null;
        }

        @Override
        public Footprint pendingFootprint(Execution x, TaskState t) {
            Footprint.Builder b = new Footprint.Builder().modify(c.id()).modify(c.monitor().mutex().id());
            for (int w : state(x, c).waiters) {
                b.observe(Footprint.interruptObject(w));
            }
            return b.build();
        }
    }
}
