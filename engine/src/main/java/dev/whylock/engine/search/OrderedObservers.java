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
 */
public final class OrderedObservers {

    private final List<ExecutionObserver> targets;
    private final List<List<ExecutionOutcome>> buffers = new ArrayList<>();
    private final List<Boolean> finished = new ArrayList<>();
    private int head;

    public OrderedObservers(List<ExecutionObserver> targets) {
        this.targets = List.copyOf(targets);
    }

    /** The observer for exploration {@code index} (0-based). */
    public ExecutionObserver slot(int index) {
        return o -> deliver(index, o);
    }

    private synchronized void deliver(int index, ExecutionOutcome o) {
        if (index == head) {
            for (ExecutionObserver t : targets) {
                t.onExecution(o);
            }
        } else {
            grow(index);
            buffers.get(index).add(o);
        }
    }

    /** Exploration {@code index} is done: the next ones deliver what they buffered. */
    public synchronized void finish(int index) {
        grow(index);
        finished.set(index, true);
        while (head < finished.size() && finished.get(head)) {
            buffers.set(head, null);
            head++;
            if (head < buffers.size()) {
                List<ExecutionOutcome> waiting = buffers.get(head);
                for (ExecutionOutcome o : waiting) {
                    for (ExecutionObserver t : targets) {
                        t.onExecution(o);
                    }
                }
                waiting.clear();
            }
        }
    }

    private void grow(int index) {
        while (buffers.size() <= index) {
            buffers.add(new ArrayList<>());
            finished.add(false);
        }
    }
}
