package dev.whylock.engine.exec;

import dev.whylock.engine.Mutex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one monitor (a Java reentrant lock) and the hold bookkeeping its operations share:
 * the holder with its hold count, and the waiters of its conditions that were woken and wait to
 * take it back ({@link ConditionActions}). Each hold is also a {@link Held} of its task, so a killed
 * task keeps its holds and lock experiments apply per acquisition site (an acquisition may take a
 * replacement monitor, or none).
 */
final class MonitorState implements MonitorActions.Lockable {

    /** How a waiter left its wait set. */
    enum Wake {
        SIGNALLED, INTERRUPTED, TIMED_OUT, SPURIOUS
    }

    /** What every operation on a monitor records as its state before: the holder and the woken waiters. */
    record Snapshot(int holder, Set<Integer> woken) {
        boolean freeFor(int task) {
            return holder < 0 || holder == task;
        }
    }

    /**
     * A task's holds of one monitor, released by a wait: the holds themselves and how many of them
     * actually took each lock.
     */
    record Holds(List<Held> holds, Map<Mutex, Integer> counts) {
        /** The lock to show for the wait and the wake-up: the monitor itself if it was taken, else what was. */
        Mutex shown(Mutex monitor) {
            return counts.containsKey(monitor) ? monitor : counts.isEmpty() ? null : counts.keySet().iterator().next();
        }

        boolean freeFor(Execution x, int task) {
            for (Mutex a : counts.keySet()) {
                if (!of(x, a).freeFor(task)) {
                    return false;
                }
            }
            return true;
        }

        /** {@link #freeFor}, recording the locks it looked at: a step whose effect depends on them observes them. */
        boolean freeFor(Execution x, int task, Footprint.Builder fp) {
            counts.keySet().forEach(a -> fp.observe(a.id(), of(x, a).snapshot()));
            return freeFor(x, task);
        }
    }

    int holder = -1;
    int count;
    String site;
    /** Waiters that left a wait set (woken, or by their timeout), waiting to take the monitor back. */
    final Map<Integer, Wake> woken = new LinkedHashMap<>();

    static MonitorState of(Execution x, Mutex m) {
        return x.sync().get(m.id());
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(holder, Set.copyOf(woken.keySet()));
    }

    @Override
    public boolean locked() {
        return holder >= 0;
    }

    boolean freeFor(int task) {
        return holder < 0 || holder == task;
    }

    /**
     * Takes {@code actual} for an acquisition of {@code orig}: a free monitor changes hands; the
     * holder taking it again only adds a hold, which nobody else can observe.
     */
    static void take(Execution x, TaskState t, Op op, Mutex orig, Mutex actual, Footprint.Builder fp) {
        MonitorState st = of(x, actual);
        if (st.holder == t.id) {
            fp.observe(actual.id(), st.snapshot());
            st.count++;
            op.lock = null;
            op.note = op.note == null ? "reentrant" : op.note;
        } else {
            fp.modify(actual.id(), st.snapshot());
            st.holder = t.id;
            st.count = 1;
            st.site = op.site;
            op.lock = actual;
        }
        t.held.add(new Held(orig, actual, op.site));
        op.result = true;
    }

    /** Releases every hold {@code t} has of {@code monitor} (a wait), recording each lock it frees. */
    static Holds releaseAll(Execution x, TaskState t, Mutex monitor, Footprint.Builder fp) {
        List<Held> holds = new ArrayList<>();
        Map<Mutex, Integer> counts = new LinkedHashMap<>();
        for (Held h : t.held) {
            if (h.orig() == monitor) {
                holds.add(h);
                if (h.actual() != null) {
                    counts.merge(h.actual(), 1, Integer::sum);
                }
            }
        }
        t.held.removeIf(h -> h.orig() == monitor);
        for (Map.Entry<Mutex, Integer> e : counts.entrySet()) {
            MonitorState st = of(x, e.getKey());
            fp.modify(e.getKey().id(), st.snapshot());
            st.count -= e.getValue();
            if (st.count == 0) {
                st.holder = -1;
            }
        }
        return new Holds(List.copyOf(holds), Map.copyOf(counts));
    }

    /** Takes back the holds a wait released, with their counts. */
    static void retake(Execution x, TaskState t, Holds h, Footprint.Builder fp) {
        for (Map.Entry<Mutex, Integer> e : h.counts().entrySet()) {
            MonitorState st = of(x, e.getKey());
            fp.modify(e.getKey().id(), st.snapshot());
            st.holder = t.id;
            st.count += e.getValue();
            st.site = h.holds().get(0).site();
        }
        t.held.addAll(h.holds());
    }

    /** The pending footprint of an operation that may change lock {@code actual} (none when an experiment removed it). */
    static Footprint changing(Mutex actual) {
        return actual == null ? Footprint.EMPTY : new Footprint.Builder().modify(actual.id()).build();
    }

    /** Who holds {@code actual}, for deadlock messages. */
    static String heldBy(Execution x, Mutex actual) {
        MonitorState st = of(x, actual);
        return st.holder < 0 ? "free" : "held by " + x.task(st.holder).name + " (taken in " + st.site + ")";
    }

    /** Whether a task killed by a violation holds {@code actual}. */
    static boolean heldByKilled(Execution x, Mutex actual) {
        int holder = of(x, actual).holder;
        return holder >= 0 && x.task(holder).killed;
    }
}
