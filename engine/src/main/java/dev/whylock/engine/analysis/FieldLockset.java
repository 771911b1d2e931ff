package dev.whylock.engine.analysis;

import java.util.List;

/**
 * The lockset of one tracked field name (all instances aggregated, e.g. {@code bus->upstream_ops}):
 * the lock classes held at every access after the exclusive phase, over all explored executions.
 *
 * @param field              the field name in the program's spelling
 * @param state              the most advanced Eraser state any instance reached
 * @param locks              lock classes held at every shared-phase access, sorted; empty when none
 *                           (meaningful only for {@link EraserState#SHARED} and {@link EraserState#SHARED_MODIFIED})
 * @param sharedAccesses     accesses counted in the shared phases
 * @param exclusiveAccesses  accesses during the exclusive (initialisation) phase, which do not count
 * @param sites              the shared-phase access sites, sorted by function, then write before read
 */
public record FieldLockset(
        String field,
        EraserState state,
        List<String> locks,
        long sharedAccesses,
        long exclusiveAccesses,
        List<AccessSite> sites) {

    public FieldLockset {
        locks = List.copyOf(locks);
        sites = List.copyOf(sites);
    }

    /** Whether the field was shared between tasks (its lockset means something). */
    public boolean shared() {
        return state == EraserState.SHARED || state == EraserState.SHARED_MODIFIED;
    }

    /** Eraser's warning: written while shared with no lock held in common at every access. */
    public boolean unprotected() {
        return state == EraserState.SHARED_MODIFIED && locks.isEmpty();
    }
}
