package dev.whylock.engine.analysis;

import java.util.List;

/**
 * The "what protects what" table: one lockset row per field name and, per lock class, the fields
 * it protects, inferred from every explored execution.
 *
 * @param executions  how many executions the locksets summarise
 * @param fields      one row per field name, sorted by name
 * @param locks       one row per lock class that appears in some lockset, sorted by class
 */
public record LocksetReport(long executions, List<FieldLockset> fields, List<LockProtection> locks) {

    public LocksetReport {
        fields = List.copyOf(fields);
        locks = List.copyOf(locks);
    }
}
