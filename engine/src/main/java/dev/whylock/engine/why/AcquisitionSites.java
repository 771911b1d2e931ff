package dev.whylock.engine.why;

import dev.whylock.engine.Mutex;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.OpKind;
import dev.whylock.engine.search.MergeableObserver;
import java.util.Set;
import java.util.TreeSet;

/** The sites at which the executions acquire (or try to acquire) one lock class, as named in the code. */
final class AcquisitionSites implements MergeableObserver {

    private static final long serialVersionUID = 1L;

    private final String lockClass;
    private final Set<String> sites = new TreeSet<>();

    AcquisitionSites(String lockClass) {
        this.lockClass = lockClass;
    }

    @Override
    public void onExecution(ExecutionOutcome outcome) {
        for (Op op : outcome.log()) {
            // The target is the lock named in the code, whatever an experiment made of it.
            if ((op.kind() == OpKind.ACQUIRE || op.kind() == OpKind.TRYLOCK || op.kind() == OpKind.READ_LOCK) && op.target() instanceof Mutex m
                    && m.lockClass().equals(lockClass) && op.site() != null) {
                sites.add(op.site());
            }
        }
    }

    @Override
    public MergeableObserver fresh() {
        return new AcquisitionSites(lockClass);
    }

    @Override
    public void absorb(MergeableObserver later) {
        sites.addAll(((AcquisitionSites) later).sites);
    }

    /** The sites seen so far, sorted. */
    Set<String> sites() {
        return Set.copyOf(sites);
    }
}
