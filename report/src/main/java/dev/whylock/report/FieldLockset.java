package dev.whylock.report;

import java.util.List;

/**
 * One row of a lockset table: the locks held at every access to a field (Eraser's candidate set),
 * and how often the field was accessed.
 *
 * @param locks    lock classes held at every access; empty when no lock protects the field
 * @param accesses accesses observed; 0 when the analysis did not count them
 */
public record FieldLockset(String field, List<String> locks, long accesses) {

    public FieldLockset {
        locks = List.copyOf(locks);
    }
}
