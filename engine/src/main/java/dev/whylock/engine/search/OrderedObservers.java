package dev.whylock.engine.search;

import dev.whylock.engine.exec.ExecutionOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets several explorations running at once feed shared observers (an inquiry's analyses over
 * every scenario) as if they had run one after the other: exploration {@code i} gets
 * {@link #slot(int)}; the slots deliver to the observers in slot order, each slot's executions in
 * the order they ran. A slot delivers directly while every earlier slot is finished, and buffers
 * its executions otherwise, until those are. Every slot must be {@link #finish(int) finished}
 * (also when its exploration did not run).
 *
 * <p>An exploration run elsewhere (a cluster member) observes with the slot's {@link Slot#fresh()}
 * copy of the observers and hands it back with {@link Slot#absorb}: it is delivered at the same
 * point of the order as the executions it saw would have been. That needs every observer to be a
 * {@link MergeableObserver}.
 */
public final class OrderedObservers {

    private final List<ExecutionObserver> targets;
    /** Per slot, what waits for the earlier slots: executions and copies that observed executions elsewhere. */
    private final List<List<Object>> buffers = new ArrayList<>();
    private final List<Boolean> finished = new ArrayList<>();
    private int head;
    private boolean closed;

    public OrderedObservers(List<ExecutionObserver> targets) {
        this.targets = List.copyOf(targets);
    }

    /** The observer for exploration {@code index} (0-based). */
    public Slot slot(int index) {
        return new Slot(this, index);
    }

    /** One exploration's view of the shared observers. Never sent anywhere itself: its {@link #fresh()} copy is. */
    public static final class Slot implements MergeableObserver {
        private static final long serialVersionUID = 1L;
        private final transient OrderedObservers owner;
        private final int index;

        private Slot(OrderedObservers owner, int index) {
            this.owner = owner;
            this.index = index;
        }

        @Override
        public void onExecution(ExecutionOutcome outcome) {
            owner.deliver(index, outcome);
        }

        /** Fresh copies of every shared observer, as one observer; fails if one cannot be copied. */
        @Override
        public MergeableObserver fresh() {
            List<MergeableObserver> copies = new ArrayList<>();
            for (ExecutionObserver t : owner.targets) {
                if (!(t instanceof MergeableObserver m)) {
                    throw new IllegalStateException("observer " + t.getClass().getName() + " cannot observe executions run elsewhere");
                }
                copies.add(m.fresh());
            }
            return new Copies(copies);
        }

        /** Delivers what a {@link #fresh()} copy observed, in this slot's place in the order. */
        @Override
        public void absorb(MergeableObserver later) {
            owner.deliver(index, (Copies) later);
        }
    }

    /** Copies of the shared observers that observed an exploration elsewhere. */
    private record Copies(ArrayList<MergeableObserver> parts) implements MergeableObserver {
        Copies(List<MergeableObserver> parts) {
            this(new ArrayList<>(parts));
        }

        @Override
        public void onExecution(ExecutionOutcome outcome) {
            for (MergeableObserver p : parts) {
                p.onExecution(outcome);
            }
        }

        @Override
        public MergeableObserver fresh() {
            return new Copies(parts.stream().map(MergeableObserver::fresh).toList());
        }

        @Override
        public void absorb(MergeableObserver later) {
            List<MergeableObserver> theirs = ((Copies) later).parts();
            for (int i = 0; i < parts.size(); i++) {
                parts.get(i).absorb(theirs.get(i));
            }
        }
    }

    private synchronized void deliver(int index, Object what) {
        if (closed) {
            return;
        }
        if (index == head) {
            send(what);
        } else {
            grow(index);
            buffers.get(index).add(what);
        }
    }

    private void send(Object what) {
        if (what instanceof Copies c) {
            for (int i = 0; i < targets.size(); i++) {
                ((MergeableObserver) targets.get(i)).absorb(c.parts().get(i));
            }
        } else {
            for (ExecutionObserver t : targets) {
                t.onExecution((ExecutionOutcome) what);
            }
        }
    }

    /** Exploration {@code index} is done: the next ones deliver what they buffered. */
    public synchronized void finish(int index) {
        if (closed) {
            return;
        }
        grow(index);
        finished.set(index, true);
        while (head < finished.size() && finished.get(head)) {
            buffers.set(head, null);
            head++;
            if (head < buffers.size()) {
                List<Object> waiting = buffers.get(head);
                for (Object o : waiting) {
                    send(o);
                }
                waiting.clear();
            }
        }
    }

    /**
     * Nothing more reaches the observers: what slots not yet delivered buffered is dropped, and what
     * they deliver from now on too (a split search that stopped before merging them).
     */
    public synchronized void close() {
        closed = true;
        buffers.clear();
    }

    private void grow(int index) {
        while (buffers.size() <= index) {
            buffers.add(new ArrayList<>());
            finished.add(false);
        }
    }
}
