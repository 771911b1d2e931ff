package dev.whylock.engine.analysis;

import dev.whylock.engine.search.ExecutionObserver;
import java.util.List;
import java.util.Set;

/** The four analyses run together over one exploration: pass {@link #observers()} to the search. */
public final class Analyses {

    private final LocksetCollector locksets = new LocksetCollector();
    private final RaceDetector races = new RaceDetector();
    private final LockOrderCollector lockOrder;
    private final AssertionCollector assertions = new AssertionCollector();

    /** The analyses with every lock class validated for lock order. */
    public Analyses() {
        this(Set.of());
    }

    /** The analyses with {@code unvalidated} lock classes left out of the lock-order graph. */
    public Analyses(Set<String> unvalidated) {
        this.lockOrder = new LockOrderCollector(unvalidated);
    }

    /** The observers to add to a {@code SearchConfig}. */
    public List<ExecutionObserver> observers() {
        return List.of(locksets, races, lockOrder, assertions);
    }

    /** The combined results over the executions observed so far. */
    public AnalysisReport report() {
        return new AnalysisReport(locksets.result(), races.result(), lockOrder.result(), assertions.result());
    }
}
