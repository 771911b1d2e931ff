package dev.whylock.engine.analysis;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Mutex;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.OpKind;
import dev.whylock.engine.search.MergeableObserver;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which lock experiments the explored executions reached: an experiment that no execution reached
 * (its lock is never taken at its sites) changed nothing, and "no damage" then says nothing about it.
 */
public final class ExperimentReach implements MergeableObserver {

    private final List<LockExperiment> experiments;
    private final Set<LockExperiment> unreached;

    public ExperimentReach(List<LockExperiment> experiments) {
        this.experiments = List.copyOf(experiments);
        this.unreached = new LinkedHashSet<>(experiments);
    }

    @Override
    public void onExecution(ExecutionOutcome outcome) {
        if (unreached.isEmpty()) {
            return;
        }
        for (Op op : outcome.log()) {
            // The target is the lock named in the code, whatever an experiment made of it.
            if ((op.kind() == OpKind.ACQUIRE || op.kind() == OpKind.TRYLOCK || op.kind() == OpKind.READ_LOCK) && op.target() instanceof Mutex m) {
                unreached.removeIf(e -> e.matches(m.lockClass(), op.site()));
            }
        }
    }

    @Override
    public MergeableObserver fresh() {
        return new ExperimentReach(experiments);
    }

    @Override
    public void absorb(MergeableObserver later) {
        unreached.retainAll(((ExperimentReach) later).unreached);
    }

    /** The experiments no execution observed so far reached, in the order given. */
    public List<LockExperiment> unreached() {
        return List.copyOf(unreached);
    }
}
